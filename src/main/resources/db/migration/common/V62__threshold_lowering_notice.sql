-- A coach who lowers a programme's confidentiality threshold does not lower it at once: its participants are told
-- first, and the lower threshold applies from lowered_threshold_from. Until then confidentiality_threshold holds.
ALTER TABLE programme ADD COLUMN lowered_threshold INT CHECK (lowered_threshold >= 3);
ALTER TABLE programme ADD COLUMN lowered_threshold_from TIMESTAMP WITH TIME ZONE;
