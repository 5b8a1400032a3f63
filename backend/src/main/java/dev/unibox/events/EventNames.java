package dev.unibox.events;

/** Every event pushed to agents' sockets. The catalogue with payloads is in docs/api.md. */
public final class EventNames {
  public static final String CONVERSATION_ASSIGNED = "conversation.assigned";
  public static final String CONVERSATION_UPDATED = "conversation.updated";
  public static final String MESSAGE_CREATED = "message.created";
  public static final String MESSAGE_STATUS = "message.status";
  /** To supervisors: a conversation reached its SLA warning threshold (and was raised). */
  public static final String SLA_WARNING = "sla.warning";
  /** To supervisors and the assignee: a first-response deadline passed. */
  public static final String SLA_BREACHED = "sla.breached";
  /** To supervisors: surge mode switched on or off, or its mode changed. */
  public static final String SURGE_CHANGED = "surge.changed";

  private EventNames() {}

  /** Event-bus address where a user's committed events are published for whichever node holds the socket. */
  public static String userAddress(long userId) {
    return "unibox.user." + userId;
  }
}
