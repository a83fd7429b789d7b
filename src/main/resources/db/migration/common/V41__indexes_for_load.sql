-- Indexes for the hot paths measured by load-bench and growth-bench. Portable: the same file runs on H2 and PostgreSQL.

-- Every check-in answers with the person's latest ratings. H2 indexes the foreign key on participant_id by itself,
-- and with two equally good one-column matches it chose that index, read the person's whole history and sorted
-- it. Covering (ratings included), this index wins on H2 and allows an index-only scan on PostgreSQL; it also
-- replaces the (participant_id, submitted_at) index, its prefix.
CREATE INDEX ix_check_in_participant_ratings ON check_in (participant_id, submitted_at, wellbeing, energy);
DROP INDEX ix_check_in_participant_time;

-- Coaches' summaries read a programme's check-ins by time. PostgreSQL does not index foreign keys at all.
CREATE INDEX ix_check_in_programme_time ON check_in (programme_id, submitted_at);

-- An answered check-in cancels its occurrence's reminder; an erasure or an uninstall cancels someone's queue.
CREATE INDEX ix_outbox_occurrence ON outbox_message (occurrence_id);
CREATE INDEX ix_outbox_participant ON outbox_message (participant_id);

-- A programme's occurrences (its coaches' view of who answered), and a rhythm's (planning reads its keys at once).
CREATE INDEX ix_occurrence_programme ON checkin_occurrence (programme_id, nominal_at);
CREATE INDEX ix_occurrence_schedule ON checkin_occurrence (schedule_id, nominal_at);
