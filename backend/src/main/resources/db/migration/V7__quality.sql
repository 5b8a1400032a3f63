-- Service quality: compliance inspections of replies, editable rule documents, quick replies,
-- auto-replies, the spam folder and satisfaction invites and ratings. See docs/quality.md.

-- A conversation whose buyer sends advertising or junk is parked: status 'spam' (never routed, not in
-- any inbox, left out of response rates) until an agent restores it.
ALTER TABLE conversations DROP CONSTRAINT conversations_status_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_status_check
  CHECK (status IN ('queued', 'assigned', 'closed', 'spam'));

-- Admins' edits of the rule documents of config/quality (scope: global, platform:<p>, shop:<account id>).
-- A row replaces the shipped file of its scope; deleting it returns to the file.
CREATE TABLE quality_documents (
  scope      text PRIMARY KEY,
  document   jsonb NOT NULL,
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- Bumped by every edit (under its row lock), so every node sees that it must reload.
CREATE TABLE quality_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO quality_version (id, version) VALUES (true, 0);

-- Replies that were sent with findings: flagged (warned) or overridden (blocked, sent with a reason).
CREATE TABLE reply_inspections (
  id              bigserial PRIMARY KEY,
  message_id      bigint NOT NULL UNIQUE REFERENCES messages (id),
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  account_id      text NOT NULL,
  agent_id        bigint NOT NULL REFERENCES users (id),
  outcome         text NOT NULL CHECK (outcome IN ('flagged', 'overridden')),
  findings        jsonb NOT NULL,
  override_reason text,
  at              timestamptz NOT NULL,
  CHECK ((outcome = 'overridden') = (override_reason IS NOT NULL))
);
CREATE INDEX reply_inspections_by_time ON reply_inspections (at);

-- Canned responses. account_id null = shared by the whole team; team = an optional label.
CREATE TABLE quick_replies (
  id         bigserial PRIMARY KEY,
  shortcut   text NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
  title      text NOT NULL,
  account_id text REFERENCES accounts (id) ON DELETE CASCADE,
  team       text,
  variants   jsonb NOT NULL,
  seed_key   text UNIQUE,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX quick_replies_shortcut ON quick_replies (COALESCE(account_id, ''), shortcut)
  WHERE deleted_at IS NULL;

-- Every auto-reply decision, once per (conversation, kind, episode): the episode is the wait it answered,
-- i.e. its waiting_since and how many human replies the conversation had before it (platform timestamps
-- are whole seconds); for the greeting a fixed value: once per conversation. 'suppressed' = not sent
-- because of the platform's limit.
CREATE TABLE auto_replies (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  account_id      text NOT NULL,
  buyer_id        bigint NOT NULL REFERENCES buyers (id),
  kind            text NOT NULL CHECK (kind IN ('greeting', 'off_hours', 'surge')),
  episode         timestamptz NOT NULL,
  replies_before  int NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('sent', 'suppressed')),
  reason          text,
  message_id      bigint REFERENCES messages (id),
  at              timestamptz NOT NULL,
  UNIQUE (conversation_id, kind, episode, replies_before)
);
CREATE INDEX auto_replies_sent_to_buyer ON auto_replies (buyer_id, at) WHERE outcome = 'sent';

-- When and why a conversation went to the spam folder, and who restored it.
CREATE TABLE spam_parkings (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  message_id      bigint NOT NULL REFERENCES messages (id),
  reason          text NOT NULL,
  parked_at       timestamptz NOT NULL,
  restored_at     timestamptz,
  restored_by     bigint REFERENCES users (id)
);
CREATE INDEX spam_parkings_open ON spam_parkings (conversation_id) WHERE restored_at IS NULL;

CREATE TABLE satisfaction_invites (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  agent_id        bigint NOT NULL REFERENCES users (id),
  message_id      bigint NOT NULL REFERENCES messages (id),
  invited_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  outcome         text CHECK (outcome IN ('rated', 'voided')),
  CHECK ((ended_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX satisfaction_invites_open ON satisfaction_invites (conversation_id) WHERE ended_at IS NULL;

-- Ratings per conversation and agent (Kuaishou: satisfaction rate per week, bad-attitude rate per month).
CREATE TABLE satisfaction_ratings (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  account_id      text NOT NULL,
  agent_id        bigint REFERENCES users (id),
  invite_id       bigint REFERENCES satisfaction_invites (id),
  rating          text NOT NULL CHECK (rating IN ('satisfied', 'neutral', 'dissatisfied')),
  reason          text,
  source          text NOT NULL CHECK (source IN ('chat', 'platform')),
  message_id      bigint REFERENCES messages (id),
  recorded_by     bigint REFERENCES users (id),
  rated_at        timestamptz NOT NULL
);
CREATE INDEX satisfaction_ratings_by_time ON satisfaction_ratings (rated_at);
