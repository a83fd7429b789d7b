-- The daily retention sweep erases a programme's rows by programme id. PostgreSQL does not index foreign keys,
-- and these two had no index leading with the programme.
CREATE INDEX ix_coach_call_programme ON coach_call_request (programme_id);
CREATE INDEX ix_pairing_opt_out_programme ON pairing_opt_out (programme_id);
