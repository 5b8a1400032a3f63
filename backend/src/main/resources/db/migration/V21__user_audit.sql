-- User management (docs/users.md): every change to a user — created, edited, disabled, enabled, role
-- changed, password reset — with who made it, when, and what changed ({field: {from, to}}; a password is
-- never written here, only the fact that it was reset).
CREATE TABLE user_audit (
  id            bigserial PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  actor_user_id bigint REFERENCES users (id),
  action        text NOT NULL CHECK (action IN ('created', 'edited', 'disabled', 'enabled', 'role_changed',
                                                'password_reset')),
  changes       jsonb NOT NULL DEFAULT '{}',
  at            timestamptz NOT NULL
);
CREATE INDEX user_audit_by_user ON user_audit (user_id, id);
