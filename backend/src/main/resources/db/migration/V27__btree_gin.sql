-- btree_gin (a contrib module shipped with PostgreSQL, like pg_trgm): GIN operator classes for plain
-- columns, so one GIN index can hold a shop id beside the trigrams of a text (V28).
CREATE EXTENSION IF NOT EXISTS btree_gin;
