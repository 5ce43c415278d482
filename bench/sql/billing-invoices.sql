-- The invoices of the billing scenario computed by one statement, kept in expected_invoices to check the host's
-- against: per subscription of the tenant and environment, its ended current period and the total of its lines (FIXED:
-- amount x quantity; USAGE PER_UNIT: amount x the SUM of properties.tokens over the customer's events of the meter in
-- the period), each line rounded to cents. psql variables: tenant, environment.
CREATE TABLE expected_invoices AS
SELECT s.id AS subscription_id, s.current_period_start AS period_start,
       SUM(CASE p.type WHEN 'FIXED' THEN round(p.amount * li.quantity, 2)
                       ELSE round(COALESCE(u.quantity, 0) * p.amount, 2) END) AS total
FROM subscriptions s
JOIN subscription_line_items li ON li.tenant_id = s.tenant_id AND li.environment_id = s.environment_id
                               AND li.subscription_id = s.id
JOIN prices p ON p.tenant_id = s.tenant_id AND p.environment_id = s.environment_id AND p.id = li.price_id
LEFT JOIN (SELECT s2.id AS subscription_id, m.id AS meter_id,
                  SUM((e.properties::jsonb ->> m.aggregation_field)::numeric) AS quantity
           FROM subscriptions s2
           JOIN customers c ON c.tenant_id = s2.tenant_id AND c.environment_id = s2.environment_id
                           AND c.id = s2.customer_id
           JOIN meters m ON m.tenant_id = s2.tenant_id AND m.environment_id = s2.environment_id
           JOIN events e ON e.tenant_id = s2.tenant_id AND e.environment_id = s2.environment_id
                        AND e.external_customer_id = c.external_id AND e.event_name = m.event_name
                        AND e.timestamp >= s2.current_period_start AND e.timestamp < s2.current_period_end
           WHERE s2.tenant_id = :'tenant' AND s2.environment_id = :'environment'
           GROUP BY s2.id, m.id) u ON u.subscription_id = s.id AND u.meter_id = p.meter_id
WHERE s.tenant_id = :'tenant' AND s.environment_id = :'environment'
GROUP BY s.id, s.current_period_start;
