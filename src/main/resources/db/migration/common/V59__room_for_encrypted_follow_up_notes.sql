-- The peer follow-up's "one thing you will do differently" is the person's own words about themselves: it is
-- stored encrypted like reflections. 500 characters are at most 1,500 UTF-8 bytes, so at most 2,043 stored
-- characters under a two-letter key id. V60 (a Java migration, pairing.FollowUpNotes) encrypts the rows already there.
ALTER TABLE pairing_follow_up ALTER COLUMN one_thing SET DATA TYPE VARCHAR(4096);
