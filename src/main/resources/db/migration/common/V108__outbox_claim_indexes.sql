-- The outbox claim takes the earliest due rows in (status, due_at, id) order. With the index on (status, due_at) alone
-- the database sorted every pending row on each claim (a scheduled round puts thousands due at the same minute), and
-- reading back a claimed batch by its lease token scanned the table: both grew with the queue. The new index covers
-- the old one's uses (its first two columns) and replaces it.
DROP INDEX ix_outbox_due;
CREATE INDEX ix_outbox_due ON outbox_message (status, due_at, id);
CREATE INDEX ix_outbox_lease ON outbox_message (lease_owner);
