-- The report sweep (docs/reports.md) re-reads rows stamped within a margin before its last run, because a
-- transaction can commit after a later one. It now also keeps the snapshot its last run read in, and takes
-- from that margin only the rows the last run could not see: each change is recomputed once, not at every
-- sweep for two minutes.
ALTER TABLE report_sweep ADD COLUMN swept_snapshot text;

-- True when the row version written by transaction row_xmin was not visible in prev (a pg_snapshot as text;
-- null: no earlier run, everything counts). Row headers hold 32-bit transaction ids; pg_visible_in_snapshot
-- takes 64-bit ones, so the id gets the epoch of the current snapshot (or the one before, for an id above the
-- current one's low half: ids in use are never more than 2^31 apart).
CREATE FUNCTION report_committed_after(row_xmin xid, prev text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT prev IS NULL OR NOT pg_visible_in_snapshot(
    GREATEST(0, cur - (cur & 4294967295) + lo - CASE WHEN lo > (cur & 4294967295) THEN 4294967296 ELSE 0 END)::text::xid8,
    prev::pg_snapshot)
  FROM (SELECT row_xmin::text::bigint AS lo, pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS cur) x
$$;
