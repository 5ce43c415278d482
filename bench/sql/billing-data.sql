-- One ACTIVE MONTHLY subscription whose current period started one month and one day ago (so exactly one period
-- has ended), a line item for a USAGE PER_UNIT price (0.002 per token) on a SUM meter over properties.tokens, and
-- :events events of the customer in that period. psql variables: tenant, environment, events.
INSERT INTO customers (id, tenant_id, environment_id, external_id, name)
VALUES ('cust_bench_billing', :'tenant', :'environment', 'ext_bench_billing', 'Bench customer');
INSERT INTO meters (id, tenant_id, environment_id, name, event_name, aggregation_type, aggregation_field)
VALUES ('meter_bench_tokens', :'tenant', :'environment', 'Tokens', 'llm_call', 'SUM', 'tokens');
INSERT INTO prices (id, tenant_id, environment_id, currency, amount, type, billing_period, billing_model, meter_id)
VALUES ('price_bench_tokens', :'tenant', :'environment', 'USD', 0.002, 'USAGE', 'MONTHLY', 'PER_UNIT',
        'meter_bench_tokens');
CREATE TEMPORARY TABLE period AS
SELECT date_trunc('second', now() - interval '1 month' - interval '1 day') AS start_at,
       date_trunc('second', now() - interval '1 month' - interval '1 day') + interval '1 month' AS end_at;
INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, currency, billing_period, billing_anchor,
                           current_period_start, current_period_end, subscription_status, start_date)
SELECT 'sub_bench_billing', :'tenant', :'environment', 'cust_bench_billing', 'USD', 'MONTHLY', start_at, start_at,
       end_at, 'ACTIVE', start_at
FROM period;
INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, price_id, quantity, start_date)
SELECT 'li_bench_tokens', :'tenant', :'environment', 'sub_bench_billing', 'price_bench_tokens', 0, start_at
FROM period;
-- Spread one second apart from the period's start: up to 2.4 million events stay inside a 28-day month.
INSERT INTO events (id, tenant_id, environment_id, event_name, external_customer_id, timestamp, properties)
SELECT 'evt_bench_' || g, :'tenant', :'environment', 'llm_call', 'ext_bench_billing',
       start_at + (g - 1) * interval '1 second', '{"tokens":"' || (1 + g % 10) || '"}'
FROM period, generate_series(1, :events) g;
ANALYZE;
