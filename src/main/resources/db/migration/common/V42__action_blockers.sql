-- "stuck 3 waiting for sign-off": what is in the way of an open action, in the person's words (encrypted, as
-- the action's own text is), and the kind of obstacle it is, which is all a coach ever sees (counted, under
-- the confidentiality threshold). Cleared when the action is done.
ALTER TABLE action_item ADD COLUMN blocker VARCHAR(4096);
ALTER TABLE action_item ADD COLUMN blocker_kind VARCHAR(32);
ALTER TABLE action_item ADD COLUMN blocked_at TIMESTAMP WITH TIME ZONE;
