-- Set when the last attempt may have reached the platform (timeout after sending): the next attempt
-- first asks the platform whether the message is there, so it is never sent twice.
ALTER TABLE outbox ADD COLUMN check_before_send boolean NOT NULL DEFAULT false;
