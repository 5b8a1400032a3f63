-- Whether this database belongs to the demo (users with published passwords) or to real work; set on
-- the first start and checked on every later one (dev.unibox.store.InstanceMode).
CREATE TABLE instance_mode (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  mode       text NOT NULL CHECK (mode IN ('demo', 'production')),
  claimed_at timestamptz NOT NULL DEFAULT now()
);
