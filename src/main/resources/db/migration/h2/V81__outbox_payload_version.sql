-- Typed outbox payloads: each row's JSON is stored beside its type (the kind column) and the version of that type's
-- shape. Rows queued before are version 1: their JSON already has the fields of the version 1 records.
ALTER TABLE outbox_message ADD COLUMN payload_version INT NOT NULL DEFAULT 1;
