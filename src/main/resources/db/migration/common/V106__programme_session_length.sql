-- Each programme's own session length (issue 16): how long its coaching sessions last when the coach records one
-- without a length ("next session 2027-01-14 09:30"). Null: the installation's default (waymark.cycle.session-minutes),
-- which is what every programme had before; a coach sets it on the programme's settings card.
ALTER TABLE programme ADD COLUMN session_minutes INTEGER;
