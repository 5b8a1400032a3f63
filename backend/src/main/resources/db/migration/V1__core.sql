-- Core schema: accounts, users, buyers, conversations, one timeline (messages + activities),
-- the reply outbox and the per-user event log.

CREATE TABLE accounts (
  id          text PRIMARY KEY,
  platform    text NOT NULL,
  shop_id     text NOT NULL,
  shop_name   text NOT NULL,
  region      text,
  time_zone   text NOT NULL,
  UNIQUE (platform, shop_id)
);

CREATE TABLE users (
  id               bigserial PRIMARY KEY,
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash    text NOT NULL,
  all_accounts     boolean NOT NULL DEFAULT false,
  max_concurrent   int NOT NULL DEFAULT 5 CHECK (max_concurrent >= 0),
  -- open conversations assigned to this user; changed only under this row's lock
  active_count     int NOT NULL DEFAULT 0 CHECK (active_count >= 0),
  presence         text NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
  last_assigned_at timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_accounts (
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, account_id)
);

CREATE TABLE buyers (
  id                bigserial PRIMARY KEY,
  account_id        text NOT NULL REFERENCES accounts (id),
  platform_buyer_id text NOT NULL,
  name              text NOT NULL,
  UNIQUE (account_id, platform_buyer_id)
);

CREATE TABLE conversations (
  id                       bigserial PRIMARY KEY,
  account_id               text NOT NULL REFERENCES accounts (id),
  platform_conversation_id text NOT NULL,
  buyer_id                 bigint NOT NULL REFERENCES buyers (id),
  status                   text NOT NULL CHECK (status IN ('queued', 'assigned', 'closed')),
  priority                 smallint NOT NULL DEFAULT 0,           -- 0 normal, 1 urgent
  category                 text NOT NULL DEFAULT 'pre_sale',
  language                 text,
  assignee_id              bigint REFERENCES users (id),
  last_assignee_id         bigint REFERENCES users (id),
  queued_at                timestamptz,
  waiting_since            timestamptz,                           -- oldest buyer message a human has not answered
  last_message_text        text,
  last_message_at          timestamptz,
  last_message_direction   text,
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL,
  UNIQUE (account_id, platform_conversation_id),
  CHECK ((status = 'assigned') = (assignee_id IS NOT NULL)),
  CHECK ((status = 'queued') = (queued_at IS NOT NULL))
);
CREATE INDEX conversations_queue ON conversations (priority DESC, queued_at) WHERE status = 'queued';
CREATE INDEX conversations_by_assignee ON conversations (assignee_id) WHERE status = 'assigned';

CREATE TABLE messages (
  id                  bigserial PRIMARY KEY,
  conversation_id     bigint NOT NULL REFERENCES conversations (id),
  account_id          text NOT NULL,
  platform_message_id text,                                       -- null until an outgoing message is sent
  direction           text NOT NULL CHECK (direction IN ('in', 'out')),
  message_type        text NOT NULL DEFAULT 'text',
  body                text NOT NULL,
  author_user_id      bigint REFERENCES users (id),
  author_name         text NOT NULL,
  status              text NOT NULL CHECK (status IN ('received', 'pending', 'sent', 'failed')),
  error               text,
  at                  timestamptz NOT NULL,
  created_at          timestamptz NOT NULL,
  UNIQUE (account_id, platform_message_id)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, at, id);

CREATE TABLE activities (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES conversations (id),
  type            text NOT NULL,
  actor_user_id   bigint REFERENCES users (id),
  target_user_id  bigint REFERENCES users (id),
  body            text NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX activities_by_conversation ON activities (conversation_id, at, id);

-- A reply waiting to be delivered; written in the same transaction as its message.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  message_id      bigint NOT NULL UNIQUE REFERENCES messages (id),
  account_id      text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';

-- Per-recipient event sequence. Kept apart from users so capacity locks and sequence locks never
-- wait on each other; rows are always locked in user_id order.
CREATE TABLE event_cursors (
  user_id  bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  last_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE events (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  seq     bigint NOT NULL,
  type    text NOT NULL,
  payload jsonb NOT NULL,
  at      timestamptz NOT NULL,
  PRIMARY KEY (user_id, seq)
);

CREATE TABLE server_secrets (
  name  text PRIMARY KEY,
  value text NOT NULL
);
