-- The schema of PRODUCT.md, portable between H2 and PostgreSQL: one file serves both.
-- Ids are text; money and quantities are NUMERIC; times are TIMESTAMP WITH TIME ZONE (written in UTC);
-- JSON columns hold JSON text. Columns a hand-written row can do without have sensible defaults.

CREATE TABLE tasks (
    id                 VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id          VARCHAR(255) NOT NULL,
    environment_id     VARCHAR(255) NOT NULL,
    task_type          VARCHAR(32)  DEFAULT 'IMPORT' NOT NULL,
    entity_type        VARCHAR(64)  NOT NULL,
    file_url           VARCHAR(4096) NOT NULL,
    file_name          VARCHAR(1024),
    file_type          VARCHAR(16),
    task_status        VARCHAR(32)  DEFAULT 'PENDING' NOT NULL,
    total_records      BIGINT       DEFAULT 0 NOT NULL,
    processed_records  BIGINT       DEFAULT 0 NOT NULL,
    successful_records BIGINT       DEFAULT 0 NOT NULL,
    failed_records     BIGINT       DEFAULT 0 NOT NULL,
    error_summary      VARCHAR(65536),
    metadata           VARCHAR(65536) DEFAULT '{}' NOT NULL,
    workflow_id        VARCHAR(255),
    run_id             VARCHAR(255),
    started_at         TIMESTAMP WITH TIME ZONE,
    completed_at       TIMESTAMP WITH TIME ZONE,
    failed_at          TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX tasks_scope_idx ON tasks (tenant_id, environment_id, task_status);

CREATE TABLE customers (
    id                  VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(255) NOT NULL,
    environment_id      VARCHAR(255) NOT NULL,
    external_id         VARCHAR(255) NOT NULL,
    name                VARCHAR(1024),
    email               VARCHAR(1024),
    address_line1       VARCHAR(1024),
    address_line2       VARCHAR(1024),
    address_city        VARCHAR(255),
    address_state       VARCHAR(255),
    address_postal_code VARCHAR(64),
    address_country     VARCHAR(64),
    metadata            VARCHAR(65536) DEFAULT '{}' NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT customers_external_id_uq UNIQUE (tenant_id, environment_id, external_id)
);

CREATE TABLE events (
    id                   VARCHAR(255) NOT NULL,
    tenant_id            VARCHAR(255) NOT NULL,
    environment_id       VARCHAR(255) NOT NULL,
    event_name           VARCHAR(255) NOT NULL,
    external_customer_id VARCHAR(255) NOT NULL,
    customer_id          VARCHAR(255),
    timestamp            TIMESTAMP WITH TIME ZONE NOT NULL,
    source               VARCHAR(255),
    properties           VARCHAR(65536) DEFAULT '{}' NOT NULL,
    ingested_at          TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (tenant_id, environment_id, id)
);
-- Billing aggregates a customer's events of one name over a time range.
CREATE INDEX events_usage_idx ON events (tenant_id, environment_id, external_customer_id, event_name, timestamp);

CREATE TABLE meters (
    id                VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(255) NOT NULL,
    environment_id    VARCHAR(255) NOT NULL,
    name              VARCHAR(255) NOT NULL,
    event_name        VARCHAR(255) NOT NULL,
    aggregation_type  VARCHAR(32)  DEFAULT 'COUNT' NOT NULL,
    aggregation_field VARCHAR(255)
);

CREATE TABLE plans (
    id             VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(255) NOT NULL,
    environment_id VARCHAR(255) NOT NULL,
    name           VARCHAR(1024),
    lookup_key     VARCHAR(255),
    status         VARCHAR(32) DEFAULT 'PUBLISHED' NOT NULL
);

CREATE TABLE prices (
    id                   VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(255) NOT NULL,
    environment_id       VARCHAR(255) NOT NULL,
    plan_id              VARCHAR(255),
    subscription_id      VARCHAR(255),
    parent_price_id      VARCHAR(255),
    currency             VARCHAR(16)  NOT NULL,
    amount               NUMERIC(38, 12) DEFAULT 0 NOT NULL,
    type                 VARCHAR(32)  NOT NULL,
    billing_period       VARCHAR(32)  NOT NULL,
    billing_period_count INTEGER      DEFAULT 1 NOT NULL,
    billing_model        VARCHAR(32)  DEFAULT 'FLAT_FEE' NOT NULL,
    meter_id             VARCHAR(255),
    package_size         NUMERIC(38, 12),
    tiers                VARCHAR(65536),
    tier_mode            VARCHAR(32)  DEFAULT 'VOLUME' NOT NULL,
    status               VARCHAR(32)  DEFAULT 'PUBLISHED' NOT NULL,
    start_date           TIMESTAMP WITH TIME ZONE,
    end_date             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX prices_plan_idx ON prices (tenant_id, environment_id, plan_id);

CREATE TABLE subscriptions (
    id                   VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(255) NOT NULL,
    environment_id       VARCHAR(255) NOT NULL,
    customer_id          VARCHAR(255) NOT NULL,
    plan_id              VARCHAR(255),
    currency             VARCHAR(16)  NOT NULL,
    billing_period       VARCHAR(32)  NOT NULL,
    billing_period_count INTEGER      DEFAULT 1 NOT NULL,
    billing_anchor       TIMESTAMP WITH TIME ZONE,
    current_period_start TIMESTAMP WITH TIME ZONE,
    current_period_end   TIMESTAMP WITH TIME ZONE,
    subscription_status  VARCHAR(32)  DEFAULT 'ACTIVE' NOT NULL,
    start_date           TIMESTAMP WITH TIME ZONE,
    end_date             TIMESTAMP WITH TIME ZONE,
    cancel_at_period_end BOOLEAN      DEFAULT FALSE NOT NULL,
    cancelled_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX subscriptions_plan_idx ON subscriptions (tenant_id, environment_id, plan_id, subscription_status);
-- The billing scheduler looks for subscriptions whose current period has ended.
CREATE INDEX subscriptions_due_idx ON subscriptions (subscription_status, current_period_end);

CREATE TABLE subscription_line_items (
    id              VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(255) NOT NULL,
    environment_id  VARCHAR(255) NOT NULL,
    subscription_id VARCHAR(255) NOT NULL,
    plan_id         VARCHAR(255),
    price_id        VARCHAR(255) NOT NULL,
    quantity        NUMERIC(38, 12) DEFAULT 0 NOT NULL,
    start_date      TIMESTAMP WITH TIME ZONE,
    end_date        TIMESTAMP WITH TIME ZONE,
    metadata        VARCHAR(65536) DEFAULT '{}' NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
-- Price sync and billing read a page of subscriptions' line items, for some prices. No query filters by price
-- alone: an index led by price_id lets PostgreSQL, on stale statistics, scan a tenant's line items for every page.
CREATE INDEX line_items_subscription_idx
    ON subscription_line_items (tenant_id, environment_id, subscription_id, price_id);

CREATE TABLE invoices (
    id              VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(255) NOT NULL,
    environment_id  VARCHAR(255) NOT NULL,
    customer_id     VARCHAR(255) NOT NULL,
    subscription_id VARCHAR(255) NOT NULL,
    period_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end      TIMESTAMP WITH TIME ZONE NOT NULL,
    currency        VARCHAR(16)  NOT NULL,
    subtotal        NUMERIC(38, 2) DEFAULT 0 NOT NULL,
    total           NUMERIC(38, 2) DEFAULT 0 NOT NULL,
    invoice_status  VARCHAR(32)  DEFAULT 'DRAFT' NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT invoices_period_uq UNIQUE (subscription_id, period_start)
);

CREATE TABLE invoice_line_items (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,
    invoice_id   VARCHAR(255) NOT NULL,
    line_item_id VARCHAR(255),
    price_id     VARCHAR(255),
    meter_id     VARCHAR(255),
    display_name VARCHAR(1024),
    quantity     NUMERIC(38, 12) DEFAULT 0 NOT NULL,
    amount       NUMERIC(38, 2)  DEFAULT 0 NOT NULL,
    period_start TIMESTAMP WITH TIME ZONE,
    period_end   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX invoice_line_items_invoice_idx ON invoice_line_items (invoice_id);
