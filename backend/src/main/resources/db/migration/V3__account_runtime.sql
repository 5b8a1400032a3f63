-- Accounts managed at runtime, their live tokens (encrypted), health, poll cursors and admin alerts.

ALTER TABLE accounts
  ADD COLUMN source        text NOT NULL DEFAULT 'config' CHECK (source IN ('config', 'api')),
  ADD COLUMN status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'removed')),
  ADD COLUMN paused_reason text,
  ADD COLUMN api_base_url  text,
  ADD COLUMN callback_url  text,
  ADD COLUMN options       jsonb NOT NULL DEFAULT '{}';

-- Secrets are AES-256-GCM ciphertexts (base64 of nonce + ciphertext); the key never enters the database.
-- app_secret_enc is only set for accounts added through the admin API (config accounts keep theirs in config).
CREATE TABLE account_credentials (
  account_id         text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  app_key            text,
  app_secret_enc     text,
  access_token_enc   text,
  refresh_token_enc  text,
  access_expires_at  timestamptz,
  refresh_expires_at timestamptz,
  updated_at         timestamptz NOT NULL
);

CREATE TABLE account_health (
  account_id        text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  poll_cursor       text,
  last_push_at      timestamptz,
  last_poll_at      timestamptz,
  last_poll_error   text,
  token_expires_at  timestamptz,
  token_dead        boolean NOT NULL DEFAULT false,
  error_count       bigint NOT NULL DEFAULT 0,
  rate_limit_count  bigint NOT NULL DEFAULT 0,
  last_error        text,
  last_error_at     timestamptz,
  recovered_count   bigint NOT NULL DEFAULT 0,   -- messages the backstop found that no push had delivered
  updated_at        timestamptz NOT NULL
);

CREATE TABLE admin_alerts (
  id          bigserial PRIMARY KEY,
  account_id  text REFERENCES accounts (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  message     text NOT NULL,
  at          timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX admin_alerts_open ON admin_alerts (at) WHERE resolved_at IS NULL;
