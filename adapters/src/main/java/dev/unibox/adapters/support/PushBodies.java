package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

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

  /**
   * The shop id a push names in {@code field} of its JSON body, read by {@code asId}; MALFORMED naming
   * {@code what} when the body is not a JSON object or the id is missing or blank ("Lazada push has no seller_id").
   */
  public static String claimedId(PushRequest push, String what, String field, Function<Object, String> asId) {
    String id = asId.apply(jsonObject(push, what).getValue(field));
    if (id == null || id.isBlank()) {
      throw new AdapterException(ErrorKind.MALFORMED, null, what + " has no " + field);
    }
    return id;
  }
}
