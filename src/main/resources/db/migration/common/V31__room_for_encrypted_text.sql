-- Reflections and action texts are stored encrypted: "v1:" + base64(12-byte IV + UTF-8 text + 16-byte tag).
-- 4000 characters of reflection are at most 12,000 UTF-8 bytes, so at most 16,043 stored characters; 500 of
-- action text at most 2,043. V32 (a Java migration, EncryptExistingText) then encrypts the rows already there.
ALTER TABLE check_in ALTER COLUMN reflection SET DATA TYPE VARCHAR(16384);
ALTER TABLE action_item ALTER COLUMN text SET DATA TYPE VARCHAR(4096);
