-- Find (docs/find.md): the shop and the trigram match answered by one index scan. With the trigram index
-- alone, a word common in other shops but absent from the searched ones made PostgreSQL fetch and recheck
-- every message holding it before the shop filter dropped them (p95 936 ms over 1,000,000 messages).
-- A multicolumn GIN index serves a condition on any of its columns equally well, so these replace the
-- single-column trigram indexes of V25 (searches over every shop use them through the text column alone).
CREATE INDEX messages_shop_body_trgm ON messages USING gin (account_id, body gin_trgm_ops);
CREATE INDEX buyers_shop_name_trgm ON buyers USING gin (account_id, name gin_trgm_ops);
DROP INDEX messages_body_trgm;
DROP INDEX buyers_name_trgm;
