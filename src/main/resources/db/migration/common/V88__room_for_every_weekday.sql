-- A rhythm on all seven weekdays is stored as MONDAY,…,SUNDAY: 56 characters, more than the 40 first allowed, so
-- saving it failed. The same room for a person's weekdays off.
ALTER TABLE checkin_schedule ALTER COLUMN weekdays SET DATA TYPE VARCHAR(80);
ALTER TABLE participant_preferences ALTER COLUMN excluded_weekdays SET DATA TYPE VARCHAR(80);
