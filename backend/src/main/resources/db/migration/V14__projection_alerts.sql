-- Live platform projection (docs/reports.md, "Live projection"): a line a shop sets instead of its
-- platform's, and each shop's alert state per window day, so supervisors are told once when a shop falls
-- behind and once when it is back above its line.
CREATE TABLE shop_indicator_lines (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  line       double precision NOT NULL CHECK (line > 0 AND line <= 1),
  set_by     bigint NOT NULL REFERENCES users (id),
  set_at     timestamptz NOT NULL
);

CREATE TABLE projection_alerts (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  day        date NOT NULL,                 -- the shop-local day of the window
  below      boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  projected  double precision,
  PRIMARY KEY (account_id, day)
);
