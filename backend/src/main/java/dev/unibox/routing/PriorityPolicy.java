package dev.unibox.routing;

/**
 * Strict priority: priority class first (critical, urgent, normal), a conversation put back after its agent
 * left first in its class, then the earliest SLA deadline. The agent: sticky, then least loaded
 * ({@link StickyLeastLoadedPolicy}).
 */
public final class PriorityPolicy extends StickyLeastLoadedPolicy {

  public static final String NAME = "priority";

  public PriorityPolicy() {
    super(NAME, "c.priority DESC, c.head_of_class DESC, c.sla_due_at NULLS LAST, c.id");
  }
}
