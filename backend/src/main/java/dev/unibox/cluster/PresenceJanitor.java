package dev.unibox.cluster;

import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster job (one node at a time): forgets the sockets of nodes that stopped heartbeating and announces
 * the agents that are offline because of it. Their conversations then follow the disconnect grace of the
 * SLA sweep, exactly as if the agent had closed the tab; an agent who reconnects to another node in time
 * keeps them.
 */
public final class PresenceJanitor {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceJanitor.class);

  private final Pool pool;
  private final Duration silentFor;
  private final Consumer<Long> announceOffline;

  /** @param silentFor a node silent this long is dead (one lease time: by then its leases are gone too) */
  public PresenceJanitor(Pool pool, Duration silentFor, Consumer<Long> announceOffline) {
    this.pool = pool;
    this.silentFor = silentFor;
    this.announceOffline = announceOffline;
  }

  /** The cluster job: sweeps every half of {@code silentFor} (and once at start). */
  public LoopVerticle job() {
    return new LoopVerticle("Presence sweep", Math.max(500, silentFor.toMillis() / 2), this::sweep).passAtStart();
  }

  private Future<Void> sweep() {
    return NodeSockets.forgetDeadNodes(pool, silentFor.toMillis() / 1000.0)
        .onSuccess(users -> {
          if (!users.isEmpty()) {
            LOG.info("{} agents went offline with a silent node", users.size());
          }
          users.forEach(announceOffline);
        })
        .mapEmpty();
  }
}
