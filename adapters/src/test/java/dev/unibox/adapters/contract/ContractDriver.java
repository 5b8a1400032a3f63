package dev.unibox.adapters.contract;

import dev.unibox.adapters.contract.ContractFixture.Delivered;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What every platform's {@link ContractFixture.Fake} driver shares: a stable platform id for each of the
 * contract's buyers, and each push it made, kept so that it can be delivered again.
 */
public abstract class ContractDriver implements ContractFixture.Fake {

  private final Map<String, String> buyerIds = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Future<?>>> redeliveries = new ConcurrentHashMap<>();

  /** The platform id of a contract buyer: {@code idOf(n)} for the n-th buyer seen, the same id ever after. */
  protected final String buyerId(String buyer, IntFunction<String> idOf) {
    return buyerIds.computeIfAbsent(buyer, b -> idOf.apply(buyerIds.size()));
  }

  /** The push as the contract sees it; {@code again} delivers the identical push once more. */
  protected final Delivered delivered(int status, String messageId, String conversationId, String buyerId,
      String text, String body, MultiMap headers, Supplier<Future<?>> again) {
    redeliveries.put(messageId, again);
    return new Delivered(status, messageId, conversationId, buyerId, text, Buffer.buffer(body), headers);
  }

  @Override
  public Future<Void> redeliver(Delivered earlier) {
    return redeliveries.get(earlier.messageId()).get().mapEmpty();
  }
}
