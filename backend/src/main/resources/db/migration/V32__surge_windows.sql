-- Planned surge windows (POST /api/staffing/plan/apply): in auto mode surge is on from starts_at to ends_at.
-- Stored as instants; a day's windows are those that start in it, in the roster's zone.
CREATE TABLE surge_windows (
  id         bigserial PRIMARY KEY,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX surge_windows_by_start ON surge_windows (starts_at);

-- The staffing plan's forecast counts new conversations per hour over the last weeks.
CREATE INDEX conversations_by_created_at ON conversations (created_at);
