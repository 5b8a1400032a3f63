package dev.unibox.accounts;

import dev.unibox.adapters.spi.CredentialStore;
import dev.unibox.adapters.spi.TokenSet;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;

/**
 * Token pairs in PostgreSQL, encrypted with the {@link SecretBox}; both tokens are written by one statement
 * (atomic) and the save completes only after the commit, so an adapter never uses a pair that is not durable.
 */
public record PgCredentialStore(Pool pool, AccountAdminStore store, Clock clock) implements CredentialStore {

  @Override
  public Future<Optional<TokenSet>> load(String accountId) {
    return store.loadTokens(pool, accountId);
  }

  @Override
  public Future<Void> save(String accountId, TokenSet tokens) {
    return store.saveTokens(pool, accountId, tokens, clock.instant());
  }
}
