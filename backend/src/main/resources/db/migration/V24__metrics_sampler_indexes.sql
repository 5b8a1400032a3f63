-- The metrics sampler (ops.OpsStore) reads these every few seconds on every node: keep each read on a
-- small partial index instead of a scan of the whole outbox or activity history.
CREATE INDEX outbox_unsettled ON outbox (status, created_at) WHERE status IN ('pending', 'failed');
CREATE INDEX activities_sla ON activities (type) WHERE type IN ('sla_warning', 'sla_breached');
