-- PriceSyncWorkflow's additions as one set-based statement: for each ACTIVE/TRIALING subscription of the plan and
-- each PUBLISHED plan price that fits it (currency, period) and has not ended, a line item unless the subscription
-- already has one for the price or an override of it. psql variables: tenant, environment.
INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, plan_id, price_id, quantity,
                                     start_date, metadata)
SELECT 'li_' || s.id || '_' || p.id, s.tenant_id, s.environment_id, s.id, s.plan_id, p.id,
       CASE p.type WHEN 'FIXED' THEN 1 ELSE 0 END, GREATEST(p.start_date, s.start_date), '{"added_by":"plan_sync"}'
FROM subscriptions s
JOIN prices p ON p.tenant_id = s.tenant_id AND p.environment_id = s.environment_id AND p.plan_id = s.plan_id
WHERE s.tenant_id = :'tenant' AND s.environment_id = :'environment' AND s.plan_id = 'plan_bench'
  AND s.subscription_status IN ('ACTIVE', 'TRIALING')
  AND p.subscription_id IS NULL AND p.status = 'PUBLISHED'
  AND upper(p.currency) = upper(s.currency) AND p.billing_period = s.billing_period
  AND p.billing_period_count = s.billing_period_count
  AND (p.end_date IS NULL OR p.end_date > now())
  AND NOT EXISTS (SELECT 1 FROM subscription_line_items li
                  WHERE li.tenant_id = s.tenant_id AND li.environment_id = s.environment_id
                    AND li.subscription_id = s.id
                    AND (li.price_id = p.id
                         OR li.price_id IN (SELECT o.id FROM prices o WHERE o.tenant_id = p.tenant_id
                                            AND o.environment_id = p.environment_id AND o.parent_price_id = p.id)));
