-- The invoice total of the billing scenario computed directly: the meter's SUM over the customer's events in the
-- subscription's ended period, times the PER_UNIT amount, rounded to cents. psql variables: tenant, environment.
SELECT round(COALESCE(SUM((e.properties::jsonb ->> 'tokens')::numeric), 0) * 0.002, 2)
FROM events e, subscriptions s
WHERE s.id = 'sub_bench_billing' AND e.tenant_id = :'tenant' AND e.environment_id = :'environment'
  AND e.external_customer_id = 'ext_bench_billing' AND e.event_name = 'llm_call'
  AND e.timestamp >= s.billing_anchor AND e.timestamp < s.billing_anchor + interval '1 month';
