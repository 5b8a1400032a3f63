-- Automatic surge calls the standby agents the waiting buyers need, not the whole pool: called holds their usernames
-- while surge is on (null: the whole pool, as a supervisor's "on" calls it). A later call adds agents ('called').
ALTER TABLE surge_state ADD COLUMN called text[];
ALTER TABLE surge_log DROP CONSTRAINT surge_log_action_check;
ALTER TABLE surge_log ADD CONSTRAINT surge_log_action_check CHECK (action IN ('activated', 'called', 'released', 'mode'));
