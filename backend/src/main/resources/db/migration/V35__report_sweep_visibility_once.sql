-- The report sweep's visibility check (V34) evaluated per candidate row read the current snapshot and parsed
-- the last sweep's on every call: 35-680 ms per sweep at about 1,000 messages a second. The sweep's statement now
-- reads both once and passes them in; the check itself is a plain expression.
DROP FUNCTION report_committed_after(xid, text);

-- True when the row version written by transaction row_xmin was not visible in prev (null: no earlier sweep,
-- everything counts). cur is a 64-bit transaction id of now (the current snapshot's xmax): row headers hold 32-bit
-- ids, so the row's id gets cur's epoch, or the one before for an id above cur's low half (ids in use are never
-- more than 2^31 apart).
CREATE FUNCTION report_committed_after(row_xmin xid, prev pg_snapshot, cur bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT prev IS NULL OR NOT pg_visible_in_snapshot(
    GREATEST(0, cur - (cur & 4294967295) + row_xmin::text::bigint
                - CASE WHEN row_xmin::text::bigint > (cur & 4294967295) THEN 4294967296 ELSE 0 END)::text::xid8,
    prev)
$$;
