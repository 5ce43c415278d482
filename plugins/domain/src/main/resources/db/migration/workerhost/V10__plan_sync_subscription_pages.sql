-- The plan plugin's price sync pages through a plan's subscriptions by id (keyset paging): with this index each page
-- is an index range read, however far into a large plan it lies.
CREATE INDEX subscriptions_plan_page_idx ON subscriptions (tenant_id, environment_id, plan_id, id);
