package dev.unibox.adapters.spi;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A credential store in memory: for tests and for adapters used without a backend. */
public final class InMemoryCredentialStore implements CredentialStore {

  private final Map<String, TokenSet> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger saves = new AtomicInteger();
  private volatile boolean failSaves;

  @Override
  public Future<Optional<TokenSet>> load(String accountId) {
    return Future.succeededFuture(Optional.ofNullable(tokens.get(accountId)));
  }

  @Override
  public Future<Void> save(String accountId, TokenSet set) {
    if (failSaves) {
      return Future.failedFuture(new IllegalStateException("credential store unavailable (test)"));
    }
    tokens.put(accountId, set);
    saves.incrementAndGet();
    return Future.succeededFuture();
  }

  public Optional<TokenSet> current(String accountId) {
    return Optional.ofNullable(tokens.get(accountId));
  }

  public int saves() {
    return saves.get();
  }

  /** Tests: make every save fail, to prove a new pair is never used before it is persisted. */
  public void failSaves(boolean fail) {
    this.failSaves = fail;
  }
}
