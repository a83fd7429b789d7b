-- The questions each pre-session digest suggested, so that a programme's next digest suggests none of them again
-- (the question bank's promise) and every coach of one session gets the same questions. Prompts from the bank,
-- never anyone's words: nothing here is about a person. Kept with the session.
CREATE TABLE digest_question (
    session_id    BIGINT        NOT NULL REFERENCES coaching_session (id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    programme_id  BIGINT        NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    question      VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_digest_question PRIMARY KEY (session_id, position)
);
CREATE INDEX ix_digest_question_programme ON digest_question (programme_id, created_at);
