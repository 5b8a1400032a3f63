-- Temporary passwords (docs/users.md): a password an admin or team lead sets (a new user's first one, or
-- a reset) is known to two people, so it must be changed at the next login. Until the user sets their
-- own, every API call but /api/me, /api/me/password and logout answers 403 password_change_required and
-- the agent socket is refused. The user's own change clears the flag.
ALTER TABLE users ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;
