package dev.unibox.adapters.spi;

import java.time.Clock;

/**
 * What the service gives each adapter: a clock (tests move time), the credential store that refreshed
 * tokens are persisted to before use, and the sink for health events.
 */
public record AdapterContext(Clock clock, CredentialStore credentials, AccountEvents events) {

  public AdapterContext {
    clock = clock == null ? Clock.systemUTC() : clock;
    credentials = credentials == null ? new InMemoryCredentialStore() : credentials;
    events = events == null ? AccountEvents.NONE : events;
  }

  /** System clock, tokens kept in memory only, events dropped: for adapters used without a backend. */
  public static AdapterContext standalone() {
    return new AdapterContext(Clock.systemUTC(), new InMemoryCredentialStore(), AccountEvents.NONE);
  }
}
