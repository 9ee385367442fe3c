-- status keeps Gravity's values only (queued, sending, sent, failed; received inbound): a client polls until sent or
-- failed, so nothing may follow sent. Delivery receipts go to delivery_status instead: 'pending' from sent until a
-- receipt arrives, then 'delivered' or 'undelivered'; NULL for messages never sent and inbound ones.
ALTER TABLE message ADD COLUMN delivery_status VARCHAR(16);
ALTER TABLE message ADD CONSTRAINT message_delivery_status CHECK (delivery_status IN ('pending', 'delivered', 'undelivered'));

-- Rows of the old vocabulary: a receipt was a status after sent; RingCentral failing to send after all moved a sent
-- message to failed (the only way a message with sent_at ends failed), which is now an undelivered receipt.
UPDATE message SET delivery_status = status, status = 'sent' WHERE status IN ('delivered', 'undelivered');
UPDATE message SET delivery_status = 'undelivered', status = 'sent'
WHERE status = 'failed' AND direction = 'outbound' AND sent_at IS NOT NULL;
UPDATE message SET delivery_status = 'pending' WHERE status = 'sent' AND delivery_status IS NULL;

ALTER TABLE message DROP CONSTRAINT message_status;
ALTER TABLE message ADD CONSTRAINT message_status CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'received'));

-- Receipts are read for the messages still pending, per extension, sent within the last day (ReceiptSync).
CREATE INDEX message_receipt ON message (delivery_status, tenant_id, extension_id, sent_at);
