-- A second plan, plan_bench_one, with the bench plan's two prices and one ACTIVE subscription: the host syncs it
-- before the measured syncs, so they find a warm JVM, and its rerun shows what a sync costs whatever its size.
-- psql variables: tenant, environment.
INSERT INTO plans (id, tenant_id, environment_id, name) VALUES ('plan_bench_one', :'tenant', :'environment', 'One');
INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type, billing_period, billing_model,
                    meter_id, start_date)
SELECT 'one_' || id, tenant_id, environment_id, 'plan_bench_one', currency, amount, type, billing_period,
       billing_model, meter_id, start_date
FROM prices WHERE tenant_id = :'tenant' AND environment_id = :'environment' AND plan_id = 'plan_bench';
INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, plan_id, currency, billing_period,
                           billing_anchor, subscription_status, start_date)
VALUES ('sub_bench_one', :'tenant', :'environment', 'cust_bench_one', 'plan_bench_one', 'USD', 'MONTHLY',
        now() - interval '10 days', 'ACTIVE', now() - interval '10 days');
