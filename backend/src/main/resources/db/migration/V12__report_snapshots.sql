-- Daily and weekly reports as sent to a client shop (or the whole team): stored once, never changed.
-- A later correction of the figures is a new version of the same period.
CREATE TABLE report_snapshots (
  id           bigserial PRIMARY KEY,
  scope        text NOT NULL,            -- an account id, or 'team' for all shops
  period       text NOT NULL CHECK (period IN ('day', 'week')),
  period_start date NOT NULL,            -- the shop-local day, or the Monday of the week
  version      int NOT NULL CHECK (version >= 1),
  body         jsonb NOT NULL,
  generated_at timestamptz NOT NULL,
  UNIQUE (scope, period, period_start, version)
);

CREATE FUNCTION report_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report snapshots are immutable: store a new version instead';
END $$;

CREATE TRIGGER report_snapshots_no_update BEFORE UPDATE OR DELETE ON report_snapshots
  FOR EACH ROW EXECUTE FUNCTION report_snapshots_immutable();
