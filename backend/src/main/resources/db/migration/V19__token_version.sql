-- Session revocation (docs/security.md, "Sessions"). Every token carries the token_version it was issued
-- with; a request whose token names another version, or a disabled user, is refused. Logout bumps the
-- version explicitly; a password change, a role change or disabling the user bumps it here, so no code
-- path that changes these can forget to.
ALTER TABLE users
  ADD COLUMN token_version int NOT NULL DEFAULT 0,
  ADD COLUMN disabled      boolean NOT NULL DEFAULT false;

CREATE FUNCTION users_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.role IS DISTINCT FROM OLD.role
     OR (NEW.disabled AND NOT OLD.disabled) THEN
    NEW.token_version := OLD.token_version + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER users_revoke_sessions BEFORE UPDATE OF password_hash, role, disabled ON users
  FOR EACH ROW EXECUTE FUNCTION users_revoke_sessions();
