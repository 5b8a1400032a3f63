-- Several nodes on one PostgreSQL: each node heartbeats its row; work that must run on exactly one node
-- (an account's adapter work, the SLA sweep, ...) is held through a lease with a fencing number.
CREATE TABLE cluster_nodes (
  node_id      text PRIMARY KEY,
  started_at   timestamptz NOT NULL,
  heartbeat_at timestamptz NOT NULL,
  draining     boolean NOT NULL DEFAULT false
);

CREATE TABLE leases (
  name       text PRIMARY KEY,
  owner      text NOT NULL,
  fence      bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX leases_owner ON leases (owner);

-- Open agent sockets per node: a user is online while any live node holds a socket of theirs.
CREATE TABLE node_sockets (
  node_id text NOT NULL,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sockets int NOT NULL CHECK (sockets > 0),
  PRIMARY KEY (node_id, user_id)
);
CREATE INDEX node_sockets_user ON node_sockets (user_id);
