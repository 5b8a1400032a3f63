-- The standby agents a planned surge window calls (usernames): while the window covers now they are routable
-- (standby_active); the rest of the standby pool stays on standby. Global surge no longer follows the windows.
ALTER TABLE surge_windows ADD COLUMN agents text[] NOT NULL DEFAULT '{}';
