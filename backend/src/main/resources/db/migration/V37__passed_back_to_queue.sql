-- The agent who last sent a conversation back to the queue (a transfer to the queue, or one nobody else could take):
-- while it waits, the router gives it to anyone else who can take it before giving it back to them.
-- Cleared whenever the conversation is assigned.
ALTER TABLE conversations ADD COLUMN passed_by bigint REFERENCES users (id);
