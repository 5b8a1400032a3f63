-- Find anything: search over buyer names and message text in any script (Chinese, Thai,
-- Vietnamese, Latin) with trigram indexes, and a keyset order for the result pages.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX messages_body_trgm ON messages USING gin (body gin_trgm_ops);
CREATE INDEX buyers_name_trgm ON buyers USING gin (name gin_trgm_ops);

-- Result pages are ordered by the newest activity of a conversation, then id (keyset pagination).
CREATE INDEX conversations_recent ON conversations ((COALESCE(last_message_at, created_at)) DESC, id DESC);
-- The buyer's other conversations (customer panel), and conversations of buyers found by name.
CREATE INDEX buyers_by_platform_id ON buyers (platform_buyer_id);
CREATE INDEX conversations_by_buyer ON conversations (buyer_id);
