-- Routing engine: agent skills and shift state, SLA deadlines stored on the conversation,
-- the queue order (priority class, head-of-class, SLA deadline) and the surge record.

-- Skills: an empty list means "any". shift_state is kept by the shift clock from config/shifts.yaml:
-- unrostered (in no shift: routable whenever online), on_shift, off_shift, standby, standby_active.
ALTER TABLE users
  ADD COLUMN languages     text[] NOT NULL DEFAULT '{}',
  ADD COLUMN platforms     text[] NOT NULL DEFAULT '{}',
  ADD COLUMN team          text,
  ADD COLUMN shift_state   text NOT NULL DEFAULT 'unrostered'
    CHECK (shift_state IN ('unrostered', 'on_shift', 'off_shift', 'standby', 'standby_active')),
  -- first time the SLA sweep saw this agent offline while holding conversations (grace period start)
  ADD COLUMN offline_since timestamptz,
  -- order of the agent's last assignment (global counter, fairness among equals / round-robin turn)
  ADD COLUMN assigned_seq  bigint NOT NULL DEFAULT 0;

ALTER TABLE conversations
  ADD COLUMN team            text,                             -- required team, null = any
  ADD COLUMN priority_manual boolean NOT NULL DEFAULT false,   -- set by a supervisor: classification leaves it
  ADD COLUMN head_of_class   boolean NOT NULL DEFAULT false,   -- requeued after an agent left: first in its class
  ADD COLUMN sla_due_at      timestamptz,                      -- first-response deadline while a buyer waits
  ADD COLUMN sla_warn_at     timestamptz,
  ADD COLUMN sla_state       text NOT NULL DEFAULT 'none'
    CHECK (sla_state IN ('none', 'running', 'warned', 'breached')),
  ADD COLUMN platform_due_at timestamptz,                      -- platform metric deadline (null: not counted)
  ADD COLUMN platform_rule   text;                             -- e.g. pinduoduo-5min, shopee-12h

-- The queue as the priority policy reads it, and as the FIFO baseline reads it.
CREATE INDEX conversations_queue_priority ON conversations (priority DESC, head_of_class DESC, sla_due_at, id)
  WHERE status = 'queued';
CREATE INDEX conversations_queue_fifo ON conversations (queued_at, id) WHERE status = 'queued';
-- The SLA sweep's scans.
CREATE INDEX conversations_sla_warn ON conversations (sla_warn_at) WHERE sla_state = 'running';
CREATE INDEX conversations_sla_due ON conversations (sla_due_at) WHERE sla_state IN ('running', 'warned');

-- Assignment throughput over a recent window (surge's expected-wait estimate).
CREATE INDEX activities_assigned_at ON activities (at) WHERE type = 'assigned';

-- One row: the surge switch. mode auto = the sweep decides; on/off = a supervisor forced it.
CREATE TABLE surge_state (
  id         int PRIMARY KEY CHECK (id = 1),
  mode       text NOT NULL DEFAULT 'auto' CHECK (mode IN ('auto', 'on', 'off')),
  active     boolean NOT NULL DEFAULT false,
  since      timestamptz,
  reason     text,
  calm_since timestamptz,
  updated_at timestamptz
);
INSERT INTO surge_state (id) VALUES (1);

-- Every activation and release, with why and by whom (null user = automatic).
CREATE TABLE surge_log (
  id           bigserial PRIMARY KEY,
  action       text NOT NULL CHECK (action IN ('activated', 'released', 'mode')),
  mode         text NOT NULL,
  reason       text NOT NULL,
  by_user_id   bigint REFERENCES users (id),
  queue_depth  int NOT NULL,
  expected_wait_seconds int,
  agents       text[] NOT NULL DEFAULT '{}',
  at           timestamptz NOT NULL
);

-- The skeleton's queue index (priority, queued_at) is superseded by the two above.
DROP INDEX conversations_queue;
