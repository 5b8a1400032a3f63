-- Shifts, lossless handover and the supervisor console. users.team, users.shift_state,
-- conversations.team and conversations.head_of_class come from V5.

-- Presence: what the agent chose (online or away); the effective users.presence is offline while
-- they hold no socket, otherwise their choice.
ALTER TABLE users
  ADD COLUMN presence_choice text NOT NULL DEFAULT 'online' CHECK (presence_choice IN ('online', 'away')),
  ADD COLUMN presence_at timestamptz;

-- Teams: a supervisor acts within the shops of the teams they supervise (besides shops granted to
-- them directly). users.team is the team an agent works in (a routing skill).
CREATE TABLE teams (
  name         text PRIMARY KEY,
  display_name text NOT NULL
);
CREATE TABLE team_accounts (
  team       text NOT NULL REFERENCES teams (name) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (team, account_id)
);
CREATE TABLE team_supervisors (
  team    text NOT NULL REFERENCES teams (name) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (team, user_id)
);
CREATE INDEX team_supervisors_by_user ON team_supervisors (user_id);

-- The roster (config/shifts.yaml imported at start until someone edits it in the web app).
-- Agents are named by username, as in the YAML file.
CREATE TABLE shifts (
  name       text PRIMARY KEY,
  position   int NOT NULL,
  start_time time NOT NULL,
  end_time   time NOT NULL,
  zone       text NOT NULL,
  lead       text NOT NULL DEFAULT ''
);
CREATE TABLE shift_agents (
  shift_name text NOT NULL REFERENCES shifts (name) ON DELETE CASCADE,
  username   text NOT NULL,
  PRIMARY KEY (shift_name, username)
);
CREATE TABLE standby_agents (
  username text PRIMARY KEY
);
CREATE TABLE roster_meta (
  id         int PRIMARY KEY CHECK (id = 1),
  source     text NOT NULL DEFAULT 'config' CHECK (source IN ('config', 'web')),
  zone       text NOT NULL DEFAULT 'UTC',
  edited_by  bigint REFERENCES users (id),
  edited_at  timestamptz
);
INSERT INTO roster_meta (id) VALUES (1);

-- One row per shift boundary handed over (unique: several nodes, restarts and repeated ticks run it
-- once), and per forced handover.
CREATE TABLE handovers (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('shift_end', 'forced')),
  shift_name   text,
  boundary_at  timestamptz,
  by_user_id   bigint REFERENCES users (id),
  reason       text NOT NULL,
  outgoing     bigint[] NOT NULL DEFAULT '{}',
  moved        int NOT NULL DEFAULT 0,
  queued       int NOT NULL DEFAULT 0,
  skipped      int NOT NULL DEFAULT 0,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz
);
CREATE UNIQUE INDEX handovers_once_per_boundary ON handovers (shift_name, boundary_at) WHERE kind = 'shift_end';

-- What the outgoing agent wrote for the next one, kept until the conversation changes hands.
CREATE TABLE handover_drafts (
  conversation_id bigint PRIMARY KEY REFERENCES conversations (id),
  author_user_id  bigint NOT NULL REFERENCES users (id),
  body            text NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- Every supervisor command: who, when, what, why, and what came of it.
CREATE TABLE supervisor_commands (
  id            bigserial PRIMARY KEY,
  actor_user_id bigint NOT NULL REFERENCES users (id),
  command       text NOT NULL,
  conversation_ids bigint[] NOT NULL DEFAULT '{}',
  target_user_id bigint REFERENCES users (id),
  reason        text NOT NULL,
  result        jsonb NOT NULL,
  at            timestamptz NOT NULL
);

CREATE INDEX activities_by_target ON activities (target_user_id, conversation_id);
