-- :subscriptions ACTIVE MONTHLY USD subscriptions on one plan, each with its own customer and two line items: a FIXED
-- FLAT_FEE price of 49.00 (quantity 1) and a USAGE PER_UNIT price of 0.002 per token on a SUM meter over
-- properties.tokens. Their current period started one month and one day ago, so exactly one period has ended and is
-- due; :events events of their customers (round robin) lie in it. psql variables: tenant, environment,
-- subscriptions, events.
INSERT INTO plans (id, tenant_id, environment_id, name)
VALUES ('plan_bench_billing', :'tenant', :'environment', 'Bench billing plan');
INSERT INTO meters (id, tenant_id, environment_id, name, event_name, aggregation_type, aggregation_field)
VALUES ('meter_bench_tokens', :'tenant', :'environment', 'Tokens', 'llm_call', 'SUM', 'tokens');
INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type, billing_period, billing_model,
                    meter_id)
VALUES ('price_bench_fee', :'tenant', :'environment', 'plan_bench_billing', 'USD', 49, 'FIXED', 'MONTHLY',
        'FLAT_FEE', NULL),
       ('price_bench_tokens', :'tenant', :'environment', 'plan_bench_billing', 'USD', 0.002, 'USAGE', 'MONTHLY',
        'PER_UNIT', 'meter_bench_tokens');
CREATE TEMPORARY TABLE period AS
SELECT date_trunc('second', now() - interval '1 month' - interval '1 day') AS start_at,
       date_trunc('second', now() - interval '1 month' - interval '1 day') + interval '1 month' AS end_at;
INSERT INTO customers (id, tenant_id, environment_id, external_id, name)
SELECT 'cust_bench_' || g, :'tenant', :'environment', 'ext_bench_' || g, 'Bench customer ' || g
FROM generate_series(1, :subscriptions) g;
INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, plan_id, currency, billing_period,
                           billing_anchor, current_period_start, current_period_end, subscription_status, start_date)
SELECT 'sub_bench_' || lpad(g::text, 8, '0'), :'tenant', :'environment', 'cust_bench_' || g, 'plan_bench_billing',
       'USD', 'MONTHLY', start_at, start_at, end_at, 'ACTIVE', start_at
FROM period, generate_series(1, :subscriptions) g;
INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, plan_id, price_id, quantity,
                                     start_date)
SELECT 'li_bench_' || g || '_' || p.id, :'tenant', :'environment', 'sub_bench_' || lpad(g::text, 8, '0'),
       'plan_bench_billing', p.id, CASE p.id WHEN 'price_bench_fee' THEN 1 ELSE 0 END, start_at
FROM period, generate_series(1, :subscriptions) g, (VALUES ('price_bench_fee'), ('price_bench_tokens')) p (id);
-- One second apart from the period's start: up to 2.4 million events stay inside a 28-day month.
INSERT INTO events (id, tenant_id, environment_id, event_name, external_customer_id, timestamp, properties)
SELECT 'evt_bench_' || g, :'tenant', :'environment', 'llm_call', 'ext_bench_' || (1 + g % :subscriptions),
       start_at + (g - 1) * interval '1 second', '{"tokens":"' || (1 + g % 10) || '"}'
FROM period, generate_series(1, :events) g;
ANALYZE;
