-- Look-ups by RingCentral id (in-doubt sends, receipts, inbound dedupe) lead with the RingCentral id. Led by tenant_id,
-- this index competed with message_history for every history query: H2 took it for filtered history pages and then
-- sorted all of the tenant's messages, instead of walking message_history and stopping after one page.
DROP INDEX message_rc;
CREATE INDEX message_rc ON message (rc_message_id, tenant_id);
