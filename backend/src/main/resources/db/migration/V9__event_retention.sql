-- Event retention (docs/architecture.md, "Event retention"): old events are deleted from the front of the
-- log, in position order, and the highest deleted position is remembered. A client whose last position is
-- below it may have missed deleted events, so it is told to resync instead of getting a replay with holes.
CREATE TABLE event_log_retention (
  only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  pruned_through bigint NOT NULL
);
INSERT INTO event_log_retention (pruned_through) VALUES (0);
