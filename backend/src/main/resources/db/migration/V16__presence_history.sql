-- Reports: agent workload. Presence and the number of chats an agent holds are written from
-- several places (login, sockets, the presence janitor, the console, routing); one trigger on users records
-- every change as an interval, so no writer can forget it.

-- One row per stretch of constant presence, held chats and capacity; the open one has no end.
CREATE TABLE presence_intervals (
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz,
  presence   text NOT NULL,
  chats      int NOT NULL,             -- users.active_count: open conversations assigned
  capacity   int NOT NULL              -- users.max_concurrent
);
CREATE UNIQUE INDEX presence_intervals_open ON presence_intervals (user_id) WHERE ended_at IS NULL;
CREATE INDEX presence_intervals_by_user ON presence_intervals (user_id, started_at);
CREATE INDEX presence_intervals_by_end ON presence_intervals (ended_at);

-- The database's clock: the one clock every writer shares. The row lock of the user orders the changes.
CREATE FUNCTION record_presence_interval() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t timestamptz := clock_timestamp();
BEGIN
  UPDATE presence_intervals SET ended_at = greatest(started_at, t) WHERE user_id = NEW.id AND ended_at IS NULL;
  INSERT INTO presence_intervals (user_id, started_at, presence, chats, capacity)
  VALUES (NEW.id, t, NEW.presence, NEW.active_count, NEW.max_concurrent);
  RETURN NULL;
END $$;

CREATE TRIGGER users_presence_inserted AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION record_presence_interval();
CREATE TRIGGER users_presence_changed AFTER UPDATE OF presence, active_count, max_concurrent ON users
  FOR EACH ROW WHEN (OLD.presence IS DISTINCT FROM NEW.presence OR OLD.active_count IS DISTINCT FROM NEW.active_count
                     OR OLD.max_concurrent IS DISTINCT FROM NEW.max_concurrent)
  EXECUTE FUNCTION record_presence_interval();

INSERT INTO presence_intervals (user_id, started_at, presence, chats, capacity)
SELECT id, now(), presence, active_count, max_concurrent FROM users;

-- Per agent and UTC hour, over the online intervals only: online seconds, chat-seconds held and
-- capacity-seconds (chats x seconds, capacity x seconds), the most chats held at once.
CREATE TABLE report_workload (
  agent_id         bigint NOT NULL,
  hour             timestamptz NOT NULL,
  online_seconds   double precision NOT NULL,
  chat_seconds     double precision NOT NULL,
  capacity_seconds double precision NOT NULL,
  peak_chats       int NOT NULL,
  PRIMARY KEY (agent_id, hour)
);
