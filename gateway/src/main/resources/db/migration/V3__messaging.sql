-- Outbound and inbound SMS (issue #5). The message row is the job: its status and next_attempt_at drive the queue.

CREATE TABLE message (
    id                 VARCHAR(20)   PRIMARY KEY,        -- msg_ + 12 hex
    tenant_id          VARCHAR(32)   NOT NULL,
    app_id             VARCHAR(32),                      -- the sending app; NULL for inbound
    direction          VARCHAR(8)    NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    from_number        VARCHAR(20)   NOT NULL,
    to_number          VARCHAR(20)   NOT NULL,
    body               TEXT          NOT NULL,
    user_id            VARCHAR(200),
    segments           INTEGER       NOT NULL,
    segments_sent      INTEGER       NOT NULL DEFAULT 0,
    extension_id       VARCHAR(32),                      -- the extension that sent it
    rc_message_id      VARCHAR(64),                      -- RingCentral's id (of the first segment)
    error              VARCHAR(1000),
    attempts           INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- While 'sending': the claim's lease. A 'sending' message whose lease ran out may have reached RingCentral
    -- (crash, lost answer): it is looked up there before anything is sent again.
    claimed_until      TIMESTAMP WITH TIME ZONE,
    claim_token        VARCHAR(32),                      -- fences writes of a worker whose lease was taken over
    attempted_at       TIMESTAMP WITH TIME ZONE,         -- start of the latest attempt (bounds the look-up)
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    delivered_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT message_direction CHECK (direction IN ('outbound', 'inbound')),
    CONSTRAINT message_status CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received'))
);

-- The queue: due messages of one sender, oldest first; and leases that ran out.
CREATE INDEX message_queue ON message (status, tenant_id, from_number, next_attempt_at);
CREATE INDEX message_lease ON message (status, claimed_until);
-- History, newest first, per tenant (cursor pagination).
CREATE INDEX message_history ON message (tenant_id, created_at, id);
-- Delivery receipts and inbound dedupe find messages by RingCentral's id.
CREATE INDEX message_rc ON message (tenant_id, rc_message_id);

-- RingCentral ids of the segments of a message longer than one RingCentral message.
CREATE TABLE message_segment (
    message_id     VARCHAR(20) NOT NULL REFERENCES message (id),
    seq            INTEGER     NOT NULL,
    rc_message_id  VARCHAR(64) NOT NULL,
    rc_status      VARCHAR(32),
    PRIMARY KEY (message_id, seq)
);

CREATE INDEX message_segment_rc ON message_segment (rc_message_id);

-- [ext] Idempotency-Key: the first answer to a key, replayed for 24 h.
CREATE TABLE idempotency_key (
    app_id        VARCHAR(32)  NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    message_id    VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (app_id, idem_key)
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (created_at);

-- RingCentral pacing windows shared by instances (PostgreSQL only; H2 keeps them in memory).
CREATE TABLE pacing_window (
    pacing_key  VARCHAR(80)   PRIMARY KEY,
    state       VARCHAR(4000) NOT NULL
);
