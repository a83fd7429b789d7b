-- Activities already taken in at /api/messages, so that one Teams redelivers (after a timeout, or to another
-- instance behind the load balancer) is answered but not processed twice. The key is a SHA-256 of channel,
-- conversation and activity id: nothing personal is kept. Rows older than the window are purged hourly.
CREATE TABLE processed_activity (
    activity_key  VARCHAR(64) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_processed_activity PRIMARY KEY (activity_key)
);
CREATE INDEX ix_processed_activity_received ON processed_activity (received_at);
