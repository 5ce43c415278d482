-- A plan with two published monthly USD prices (FIXED, and USAGE on a meter) and :subscriptions ACTIVE monthly USD
-- subscriptions on it without line items. psql variables: tenant, environment, subscriptions.
INSERT INTO plans (id, tenant_id, environment_id, name) VALUES ('plan_bench', :'tenant', :'environment', 'Bench plan');
INSERT INTO meters (id, tenant_id, environment_id, name, event_name, aggregation_type)
VALUES ('meter_bench_calls', :'tenant', :'environment', 'API calls', 'api_request', 'COUNT');
INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type, billing_period, billing_model,
                    meter_id, start_date)
VALUES ('price_bench_fixed', :'tenant', :'environment', 'plan_bench', 'USD', 49, 'FIXED', 'MONTHLY', 'FLAT_FEE', NULL,
        now() - interval '30 days'),
       ('price_bench_usage', :'tenant', :'environment', 'plan_bench', 'USD', 0.25, 'USAGE', 'MONTHLY', 'PER_UNIT',
        'meter_bench_calls', now() - interval '30 days');
INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, plan_id, currency, billing_period,
                           billing_anchor, subscription_status, start_date)
SELECT 'sub_bench_' || lpad(g::text, 8, '0'), :'tenant', :'environment', 'cust_bench_' || g, 'plan_bench', 'USD',
       'MONTHLY', now() - interval '10 days', 'ACTIVE', now() - interval '10 days'
FROM generate_series(1, :subscriptions) g;
ANALYZE;
