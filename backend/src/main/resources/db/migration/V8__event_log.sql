-- The event log (docs/architecture.md, "Event log"): every change is stored once, with the users it is for.
-- Writers never update a shared row: an append is one INSERT. Positions (ids) come from a sequence, and a
-- reader only reads below the *horizon*, the lowest id an unfinished writer may still commit. Each writer
-- announces the ids it may use with a shared advisory lock keyed by the sequence's next value (a "fence")
-- before it draws one; advisory locks are visible to every session at once, unlike uncommitted rows.

CREATE TABLE event_log (
  id         bigserial PRIMARY KEY,
  type       text NOT NULL,
  payload    jsonb NOT NULL,
  recipients bigint[] NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX event_log_recipients ON event_log USING gin (recipients);

-- Fence keys live in the upper half of the advisory key space (bit 62 set), apart from the routing lock.
CREATE FUNCTION event_log_next_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM event_log_id_seq
$$;

-- Appends many events in one call: fence first, then draw ids in the order given. Recipients per event
-- come as text ('{1,2}') because SQL arrays of arrays must be rectangular.
CREATE FUNCTION event_log_append(p_types text[], p_payloads text[], p_recipients text[], p_at timestamptz)
RETURNS SETOF bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared((1::bigint << 62) + event_log_next_id());
  RETURN QUERY
    INSERT INTO event_log (type, payload, recipients, at)
    SELECT i.t, i.p::jsonb, i.r::bigint[], p_at
    FROM unnest(p_types, p_payloads, p_recipients) WITH ORDINALITY AS i(t, p, r, ord)
    ORDER BY i.ord
    RETURNING id;
END $$;

-- Every id below the horizon is final: committed (and visible to any later statement) or never will be.
-- The next id is read before the fences: a writer not yet fenced then draws an id at or above it.
CREATE FUNCTION event_log_horizon() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  next_id bigint;
  fenced  bigint;
BEGIN
  next_id := event_log_next_id();
  SELECT min(((l.classid::bigint << 32) | l.objid::bigint) - (1::bigint << 62)) INTO fenced
  FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.classid::bigint >= (1::bigint << 30)
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
  RETURN LEAST(next_id, fenced);
END $$;

DROP TABLE events;
DROP TABLE event_cursors;
