-- The queue as the slack policy reads it: each of its bands is an ordered range scan of this index,
-- cut at the pass's time (docs/routing.md).
CREATE INDEX conversations_queue_due ON conversations (sla_due_at, id) WHERE status = 'queued';
CREATE INDEX conversations_queue_platform_due ON conversations (platform_due_at, id) WHERE status = 'queued';
