-- Each stored report version e-mailed to each of its scope's recipients: queued with the version in one
-- statement, sent by the reports job, retried with backoff, kept as the record of what was sent when.
CREATE TABLE report_mailings (
  snapshot_id     bigint NOT NULL REFERENCES report_snapshots (id),
  recipient       text NOT NULL,
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at         timestamptz,
  failed_at       timestamptz,            -- gave up after the last attempt
  last_error      text,
  PRIMARY KEY (snapshot_id, recipient)
);

CREATE INDEX report_mailings_due ON report_mailings (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
