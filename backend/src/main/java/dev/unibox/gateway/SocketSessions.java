package dev.unibox.gateway;

import dev.unibox.auth.TokenService;
import dev.unibox.auth.UserStore;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The session behind each authenticated agent socket on this node. A socket is admitted only with a
 * valid token whose version is still the user's (the same check as every HTTP call), and it is closed
 * (4401) when that session ends: at once when the user's sessions are revoked on any node (logout,
 * password, role, disabled: {@link Addresses#SESSIONS_REVOKED}), and at the token's expiry, checked
 * every {@code sweepMillis} against the service clock.
 */
public final class SocketSessions {

  static final short CLOSE_SESSION_ENDED = 4401;

  private record Tracked(long userId, Instant expiresAt, long order, ServerWebSocket ws) {}

  private final Pool pool;
  private final TokenService tokens;
  private final Clock clock;
  /** Guarded by this: sockets are admitted on the HTTP verticle's loop, revoked and swept on the job's. */
  private final Map<ServerWebSocket, Tracked> tracked = new IdentityHashMap<>();
  private final Map<Long, Set<ServerWebSocket>> byUser = new HashMap<>();
  private final TreeSet<Tracked> byExpiry = new TreeSet<>(
      Comparator.comparing(Tracked::expiresAt).thenComparingLong(Tracked::order));
  private long order;

  public SocketSessions(Pool pool, TokenService tokens, Clock clock) {
    this.pool = pool;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Closes the sockets of revoked sessions at once, and those of expired tokens every {@code sweepMillis}. */
  public LoopVerticle job(long sweepMillis) {
    return new LoopVerticle("Token expiry sweep", sweepMillis, this::closeExpired)
        // not a local consumer: the revoking node may not be the one holding the socket
        .onStart(vertx -> vertx.eventBus().<Long>consumer(Addresses.SESSIONS_REVOKED, msg -> closeAll(msg.body()))
            .completion());
  }

  /**
   * @return the user id when the token is valid and its session current. The socket is tracked before
   * the database check, so a revocation committed after that check still reaches it.
   */
  public Future<Long> admit(String token, ServerWebSocket ws) {
    return tokens.verify(token).compose(claims -> {
      track(claims, ws);
      return UserStore.session(pool, claims.userId(), claims.version()).compose(user -> {
        // a temporary password opens nothing but the password change (AuthRoutes): no socket, no presence
        if (user == null || user.mustChangePassword() || ws.isClosed()) {
          release(ws);
          return Future.failedFuture("session ended");
        }
        return Future.succeededFuture(claims.userId());
      });
    });
  }

  /** The socket closed: forget it. */
  public synchronized void release(ServerWebSocket ws) {
    Tracked t = tracked.remove(ws);
    if (t != null) {
      byExpiry.remove(t);
      Set<ServerWebSocket> mine = byUser.get(t.userId());
      mine.remove(ws);
      if (mine.isEmpty()) {
        byUser.remove(t.userId());
      }
    }
  }

  private synchronized void track(TokenService.Claims claims, ServerWebSocket ws) {
    Tracked t = new Tracked(claims.userId(), claims.expiresAt(), order++, ws);
    tracked.put(ws, t);
    byExpiry.add(t);
    byUser.computeIfAbsent(claims.userId(), k -> new HashSet<>()).add(ws);
  }

  private void closeAll(long userId) {
    List<ServerWebSocket> closing;
    synchronized (this) {
      closing = List.copyOf(byUser.getOrDefault(userId, Set.of()));
      closing.forEach(this::release);
    }
    closing.forEach(ws -> ws.close(CLOSE_SESSION_ENDED, "session ended"));
  }

  private Future<Void> closeExpired() {
    Instant now = clock.instant();
    List<ServerWebSocket> closing = new java.util.ArrayList<>();
    synchronized (this) {
      while (!byExpiry.isEmpty() && !byExpiry.first().expiresAt().isAfter(now)) {
        ServerWebSocket ws = byExpiry.first().ws();
        release(ws);
        closing.add(ws);
      }
    }
    closing.forEach(ws -> ws.close(CLOSE_SESSION_ENDED, "token expired"));
    return Future.succeededFuture();
  }
}
