package dev.unibox.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which Vert.x reported a blocked event loop (registered for every test through
 * META-INF/services and junit-platform.properties): work that can stall an event loop is a bug, not a
 * warning in a log nobody reads.
 */
public final class BlockedThreadGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    BlockedThreadRecorder.drain();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check(context);
  }

  private static void check(ExtensionContext context) {
    List<String> warnings = BlockedThreadRecorder.drain();
    if (!warnings.isEmpty()) {
      throw new AssertionError("an event loop was blocked during " + context.getDisplayName() + ": " + warnings);
    }
  }
}
