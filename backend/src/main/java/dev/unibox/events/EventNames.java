package dev.unibox.events;

/** Every event pushed to agents' sockets. The catalogue with payloads is in docs/api.md. */
public final class EventNames {
  public static final String CONVERSATION_ASSIGNED = "conversation.assigned";
  public static final String CONVERSATION_UPDATED = "conversation.updated";
  public static final String MESSAGE_CREATED = "message.created";
  public static final String MESSAGE_STATUS = "message.status";
  /** To admins: an account needs attention (dead token, paused). Payload: alertId, accountId, kind, message, status, at. */
  public static final String ACCOUNT_ALERT = "account.alert";
  // shifts, handover and the supervisor console (docs/shifts.md)
  public static final String CONVERSATION_MOVED = "conversation.moved";
  public static final String NOTE_CREATED = "note.created";
  public static final String AGENT_PRESENCE = "agent.presence";
  public static final String HANDOVER_FINISHED = "handover.finished";
  public static final String ROSTER_UPDATED = "roster.updated";
  /** To supervisors: a conversation reached its SLA warning threshold (and was raised). */
  public static final String SLA_WARNING = "sla.warning";
  /** To supervisors and the assignee: a first-response deadline passed. */
  public static final String SLA_BREACHED = "sla.breached";
  /** To supervisors: surge mode switched on or off, or its mode changed. */
  public static final String SURGE_CHANGED = "surge.changed";
  public static final String SURGE_WINDOWS = "surge.windows";
  /** To a shop's supervisors and admins: its platform indicator is projected to end below its line. */
  public static final String PROJECTION_ALERT = "projection.alert";
  /** To the same: the shop's projection is back at or above its line. */
  public static final String PROJECTION_RECOVERED = "projection.recovered";
  /** To the same: someone set or cleared the shop's own line (views read the projection again). */
  public static final String PROJECTION_LINE = "projection.line";

  private EventNames() {}

}
