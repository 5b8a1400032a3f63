package dev.unibox.cluster;

import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this node's leases in PostgreSQL: every tick it heartbeats, renews what it holds, lets go of what it
 * holds beyond its fair share, and takes free leases up to it. A lease is believed held only until
 * {@code ttl - margin} after the renewal that was <em>sent</em>, measured on this JVM's monotonic clock; a
 * node that was paused (GC, VM freeze) or cut off from the database therefore stops acting for an account
 * before the database lets another node take it (fencing without the platform's help).
 */
public final class LeaseKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final Pool pool;
  private final String node;
  private final Duration ttl;
  private final Duration tick;
  private final List<LeaseGroup> groups;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private volatile boolean draining;

  private record Held(long fence, long validUntilNanos) {}

  /**
   * The fair share is computed over the nodes that heartbeated within one lease time and are not draining:
   * the database that arbitrates the leases also decides who can run work, so a node cut off from it
   * (while still a cluster member) is not counted.
   *
   * @param ttl  how long a lease lasts without renewal (failover time is about ttl + tick)
   * @param tick how often leases are renewed and rebalanced (well under ttl)
   */
  public LeaseKeeper(Pool pool, String node, Duration ttl, Duration tick, List<LeaseGroup> groups) {
    if (tick.multipliedBy(2).compareTo(ttl) >= 0) {
      throw new IllegalArgumentException("the lease tick must be under half the lease time");
    }
    this.pool = pool;
    this.node = node;
    this.ttl = ttl;
    this.tick = tick;
    this.groups = groups;
  }

  /**
   * Ticks every {@code tick}; the deployment waits for the first tick, and undeploying it is the graceful
   * stop: it hands every lease back.
   */
  public LoopVerticle job() {
    return new LoopVerticle("Lease tick of node " + node, tick.toMillis(), this::runTick).onStart(v -> runTick())
        .onStop(this::handBack);
  }

  /** True while this node may act for the lease (held, renewed recently enough on this JVM's clock). */
  public boolean holds(String lease) {
    Held h = held.get(lease);
    return h != null && System.nanoTime() < h.validUntilNanos();
  }

  /** The fence of a lease this node holds, or -1. */
  public long fence(String lease) {
    Held h = held.get(lease);
    return h == null ? -1 : h.fence();
  }

  public List<String> held() {
    return held.keySet().stream().filter(this::holds).sorted().toList();
  }

  private Future<Void> runTick() {
    long sentAt = System.nanoTime();
    double ttlSeconds = ttl.toMillis() / 1000.0;
    return LeaseStore.heartbeat(pool, node, draining)
        .compose(v -> LeaseStore.renew(pool, node, ttlSeconds))
        .compose(renewed -> dropLost(renewed).map(v -> {
          long validUntil = sentAt + ttl.toNanos() - margin().toNanos();
          renewed.forEach((name, fence) -> held.put(name, new Held(fence, validUntil)));
          return null;
        }))
        .compose(v -> draining ? Future.succeededFuture(Integer.MAX_VALUE) : LeaseStore.liveNodes(pool, ttlSeconds))
        .compose(nodes -> {
          Future<Void> chain = Future.succeededFuture();
          for (LeaseGroup g : groups) {
            chain = chain.compose(v -> balance(g, Math.max(1, nodes)));
          }
          return chain;
        });
  }

  private Duration margin() {
    return tick.dividedBy(2);
  }

  /** Leases this node believed it held but the database no longer renews: stop their work at once. */
  private Future<Void> dropLost(Map<String, Long> renewed) {
    Future<Void> chain = Future.succeededFuture();
    for (String name : List.copyOf(held.keySet())) {
      Held h = held.get(name);
      if (!renewed.containsKey(name) || renewed.get(name) != h.fence()) {
        held.remove(name);
        LOG.warn("Node {} lost lease {}", node, name);
        chain = chain.compose(v -> stopWork(name));
      }
    }
    return chain;
  }

  private Future<Void> balance(LeaseGroup g, int nodes) {
    List<String> wanted = draining ? List.of() : g.keys().get().stream().map(g::lease).sorted().toList();
    Set<String> wantedSet = new HashSet<>(wanted);
    List<String> mine = held.keySet().stream().filter(g::owns).sorted().toList();
    int share = (wanted.size() + nodes - 1) / nodes;
    List<String> letGo = new ArrayList<>();
    mine.stream().filter(n -> !wantedSet.contains(n)).forEach(letGo::add);
    List<String> kept = mine.stream().filter(wantedSet::contains).toList();
    for (int i = share; i < kept.size(); i++) {
      letGo.add(kept.get(i));
    }
    int room = share - Math.min(share, kept.size());
    Future<Void> released = letGo.isEmpty() ? Future.succeededFuture() : release(letGo);
    if (room == 0 || wanted.isEmpty()) {
      return released;
    }
    return released.compose(v -> LeaseStore.free(pool, wanted)).compose(free -> take(g, free, room));
  }

  private Future<Void> take(LeaseGroup g, List<String> free, int room) {
    if (room == 0 || free.isEmpty()) {
      return Future.succeededFuture();
    }
    String name = free.get(0);
    long sentAt = System.nanoTime();
    return LeaseStore.acquire(pool, name, node, ttl.toMillis() / 1000.0).compose(fence -> {
      if (fence == null) {
        return take(g, free.subList(1, free.size()), room); // another node was faster
      }
      held.put(name, new Held(fence, sentAt + ttl.toNanos() - margin().toNanos()));
      LOG.info("Node {} took lease {} (fence {})", node, name, fence);
      return g.work().start(g.key(name), fence)
          .recover(e -> {
            LOG.warn("Starting {} on node {} failed: {}", name, node, e.getMessage());
            return release(List.of(name));
          })
          .compose(v -> take(g, free.subList(1, free.size()), room - 1));
    });
  }

  /** Stops the work first, then frees the leases so another node can take them at once. */
  private Future<Void> release(List<String> names) {
    Future<Void> chain = Future.succeededFuture();
    for (String name : names) {
      chain = chain.compose(v -> stopWork(name));
    }
    return chain.compose(v -> {
      names.forEach(held::remove);
      return LeaseStore.release(pool, node, names);
    });
  }

  private Future<Void> stopWork(String name) {
    for (LeaseGroup g : groups) {
      if (g.owns(name)) {
        return g.work().stop(g.key(name)).recover(e -> {
          LOG.warn("Stopping {} on node {} failed: {}", name, node, e.getMessage());
          return Future.succeededFuture();
        });
      }
    }
    return Future.succeededFuture();
  }

  /** Graceful stop: stops all leased work here and hands every lease back, so other nodes take over at once. */
  private Future<Void> handBack() {
    draining = true;
    return release(List.copyOf(held.keySet()))
        .compose(v -> LeaseStore.heartbeat(pool, node, true))
        .recover(e -> {
          LOG.warn("Node {} could not hand its leases back: {}", node, e.getMessage());
          return Future.succeededFuture();
        });
  }
}
