-- RingBridge foundation: tenants, apps and their keys, shared rate-limit state, cluster-wide jobs.
-- One migration set for H2 (MODE=PostgreSQL) and PostgreSQL: plain types both understand.

CREATE TABLE tenant (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_status CHECK (status IN ('active', 'suspended', 'inactive'))
);

CREATE INDEX tenant_created ON tenant (created_at, id);

CREATE TABLE app (
    id              VARCHAR(32)   PRIMARY KEY,
    tenant_id       VARCHAR(32)   NOT NULL REFERENCES tenant (id),
    name            VARCHAR(100)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    -- SHA-256 (hex) of the current API key; NULL once the app is deleted. The key itself is never stored.
    api_key_hash    VARCHAR(64)   UNIQUE,
    api_key_prefix  VARCHAR(8)    NOT NULL,
    webhook_url     VARCHAR(2000),
    -- whsec_ secret sealed with AES-256-GCM (SecretBox), bound to this row.
    webhook_secret  VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT app_status CHECK (status IN ('active', 'deleted'))
);

CREATE INDEX app_tenant ON app (tenant_id, created_at, id);

-- Sliding-window counters shared by all instances (PostgreSQL only; H2 counts in memory).
CREATE TABLE rate_limit_window (
    limit_key       VARCHAR(200) PRIMARY KEY,
    window_start    BIGINT  NOT NULL,
    previous_count  INTEGER NOT NULL,
    current_count   INTEGER NOT NULL,
    last_allowed    BOOLEAN NOT NULL,
    expires_at      BIGINT  NOT NULL
);

CREATE INDEX rate_limit_window_expiry ON rate_limit_window (expires_at);

-- Client addresses blocked after too many failed authentications.
CREATE TABLE client_block (
    client_ip      VARCHAR(64) PRIMARY KEY,
    blocked_until  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Exactly one instance ever runs the first-start bootstrap.
CREATE TABLE bootstrap (
    id          INTEGER PRIMARY KEY,
    tenant_id   VARCHAR(32) NOT NULL,
    app_id      VARCHAR(32) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler's table (cluster-wide recurring jobs).
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100) NOT NULL,
    task_instance         VARCHAR(200) NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN NOT NULL,
    picked_by             VARCHAR(200),
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INTEGER,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
