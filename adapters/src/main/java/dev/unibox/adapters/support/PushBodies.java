package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.json.JsonObject;

/** Reading a pushed request: its raw bytes and headers for the signature check, its body as a JSON object. */
public final class PushBodies {

  private PushBodies() {}

  /** The raw body as signed (empty when there is none). */
  public static byte[] bytes(PushRequest push) {
    return push.body() == null ? new byte[0] : push.body().getBytes();
  }

  public static String header(PushRequest push, String name) {
    return push.headers() == null ? null : push.headers().get(name);
  }

  /**
   * The body as a JSON object, or MALFORMED naming {@code what} (e.g. "Lazada push"): "… has an empty body",
   * "… body is not a JSON object".
   */
  public static JsonObject jsonObject(PushRequest push, String what) {
    if (push.body() == null || push.body().length() == 0) {
      throw new AdapterException(ErrorKind.MALFORMED, null, what + " has an empty body");
    }
    try {
      return new JsonObject(push.body());
    } catch (RuntimeException notJson) {
      throw new AdapterException(ErrorKind.MALFORMED, null, what + " body is not a JSON object");
    }
  }
}
