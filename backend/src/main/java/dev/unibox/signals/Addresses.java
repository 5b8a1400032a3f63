package dev.unibox.signals;

/** Every event-bus address the server uses, in one place. */
public final class Addresses {

  /** Publish (no body): the queue or the agents changed; routers and the auto-reply sweep wake. */
  public static final String ROUTING_KICK = "unibox.routing.kick";
  /** Publish (no body): a reply was committed; outbox senders wake. */
  public static final String OUTBOX_KICK = "unibox.outbox.kick";
  /** Publish an account id: that account's backstop poll runs now. */
  public static final String POLL_KICK = "unibox.poll.kick";
  /** Published after each backstop run: {accountId, stored, error}. */
  public static final String POLL_DONE = "unibox.poll.done";
  /** Published when quality rules were reloaded or edited, so every node reloads its copy. */
  public static final String QUALITY_CHANGED = "unibox.quality.changed";
  /** Published when an agent's presence changed (online, away, offline). */
  public static final String PRESENCE_CHANGED = "unibox.presence.changed";
  /**
   * Publish a user id (cluster-wide): that user's sessions were revoked (logout, password, role,
   * disabled); every node closes the user's open sockets.
   */
  public static final String SESSIONS_REVOKED = "unibox.sessions.revoked";
  private static final String USER_PREFIX = "unibox.user.";

  private Addresses() {}

  /** Where a user's committed events are published for whichever node holds the socket. */
  public static String user(long userId) {
    return USER_PREFIX + userId;
  }
}
