package dev.unibox.adapters.spi;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where an account's live tokens are kept. Refreshed pairs are saved here <b>before</b> they are used:
 * Shopee's refresh token is single-use, so a pair that was used but not persisted locks the shop out
 * after a restart. {@link #save} must be atomic (both tokens or neither) and durable when it succeeds.
 */
public interface CredentialStore {

  /** The newest saved pair, or empty when none was saved yet (the configured tokens apply). */
  Future<Optional<TokenSet>> load(String accountId);

  Future<Void> save(String accountId, TokenSet tokens);
}
