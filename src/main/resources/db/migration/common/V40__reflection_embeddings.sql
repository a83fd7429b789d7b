-- A sentence embedding of each non-blank reflection, computed after the check-in is saved (insight module), so
-- that themes for a digest need not re-embed a period's reflections. An embedding gives away what a reflection is
-- about, so it is encrypted at rest like the reflection: the vector (float32, little-endian) sealed with AES-GCM as
-- "<key id>:" + IV + ciphertext + tag. BYTEA is BINARY VARYING on H2 and bytea on PostgreSQL.
-- It goes with its check-in (erasure, retention) through the cascade.
CREATE TABLE reflection_embedding (
    check_in_id  BIGINT       NOT NULL,
    model        VARCHAR(64)  NOT NULL,
    dimensions   INT          NOT NULL,
    vector       BYTEA        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reflection_embedding PRIMARY KEY (check_in_id),
    CONSTRAINT fk_reflection_embedding_check_in FOREIGN KEY (check_in_id) REFERENCES check_in (id) ON DELETE CASCADE
);
