-- Reports: per-wait facts recomputed per conversation by an idempotent sweep, and daily
-- rollups per shop, shop-local day and agent that every report reads (never raw messages).

-- One row per wait: a buyer message nobody had answered yet, until the first human reply.
CREATE TABLE report_waits (
  conversation_id bigint NOT NULL,
  seq             int NOT NULL,              -- 0, 1, 2 … in the conversation's order
  account_id      text NOT NULL,
  day             date NOT NULL,             -- the shop-local day the wait started
  started_at      timestamptz NOT NULL,
  answered_at     timestamptz,               -- first human reply; null while unanswered
  agent_id        bigint NOT NULL,           -- who answered; 0 = nobody (yet)
  first_of_day    boolean NOT NULL,          -- the conversation's first wait of that day
  auto_replied    boolean NOT NULL,
  platform_counted boolean NOT NULL,         -- inside the platform indicator's rule (e.g. 08:00-23:00)
  platform_met    boolean NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX report_waits_by_day ON report_waits (account_id, day);

CREATE TABLE report_daily (
  account_id        text NOT NULL,
  day               date NOT NULL,
  agent_id          bigint NOT NULL,         -- 0: the shop's row (unanswered waits, buyer messages, buyers)
  conversations     int NOT NULL DEFAULT 0,
  buyers            int NOT NULL DEFAULT 0,
  messages_in       int NOT NULL DEFAULT 0,
  messages_out      int NOT NULL DEFAULT 0,
  auto_replies      int NOT NULL DEFAULT 0,
  first_answered    int NOT NULL DEFAULT 0,
  first_within_60   int NOT NULL DEFAULT 0,
  first_within_120  int NOT NULL DEFAULT 0,
  first_within_300  int NOT NULL DEFAULT 0,
  first_seconds     bigint NOT NULL DEFAULT 0,
  first_hist        int[] NOT NULL DEFAULT '{}',
  waits             int NOT NULL DEFAULT 0,
  replies           int NOT NULL DEFAULT 0,
  replies_within_60  int NOT NULL DEFAULT 0,
  replies_within_120 int NOT NULL DEFAULT 0,
  replies_within_300 int NOT NULL DEFAULT 0,
  reply_seconds     bigint NOT NULL DEFAULT 0,
  reply_hist        int[] NOT NULL DEFAULT '{}',
  auto_replied      int NOT NULL DEFAULT 0,
  platform_counted  int NOT NULL DEFAULT 0,
  platform_met      int NOT NULL DEFAULT 0,
  resolved          int NOT NULL DEFAULT 0,
  transfers         int NOT NULL DEFAULT 0,
  sla_warnings      int NOT NULL DEFAULT 0,
  sla_breaches      int NOT NULL DEFAULT 0,
  satisfied         int NOT NULL DEFAULT 0,
  neutral           int NOT NULL DEFAULT 0,
  dissatisfied      int NOT NULL DEFAULT 0,
  bad_attitude      int NOT NULL DEFAULT 0,
  flagged_replies   int NOT NULL DEFAULT 0,
  overridden_replies int NOT NULL DEFAULT 0,
  spam_excluded     int NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, day, agent_id)
);
CREATE INDEX report_daily_by_day ON report_daily (day, account_id);

-- How far the sweep has read the committed rows.
CREATE TABLE report_sweep (
  id          int PRIMARY KEY CHECK (id = 1),
  swept_until timestamptz NOT NULL
);
INSERT INTO report_sweep (id, swept_until) VALUES (1, '1970-01-01T00:00:00Z');

-- The sweep finds changed conversations by these times.
CREATE INDEX messages_by_created_at ON messages (created_at);
CREATE INDEX messages_by_account_at ON messages (account_id, at);
CREATE INDEX activities_by_at ON activities (at);
