package dev.unibox.adapters.support;

import io.vertx.core.json.JsonObject;

/** A message's nested content, which platforms send as an object or as a JSON string holding the object. */
public final class JsonContent {

  private JsonContent() {}

  /** The content as an object: itself, or the object a JSON string holds; null for anything else. */
  public static JsonObject objectOrJsonString(Object raw) {
    if (raw instanceof JsonObject object) {
      return object;
    }
    if (raw instanceof String s && s.trim().startsWith("{")) {
      try {
        return new JsonObject(s);
      } catch (RuntimeException notJson) {
        return null;
      }
    }
    return null;
  }

  /** Like {@link #objectOrJsonString}, but plain text (or anything else) becomes {@code {textField: text}}. */
  public static JsonObject objectOrText(Object raw, String textField) {
    JsonObject object = objectOrJsonString(raw);
    return object != null ? object : new JsonObject().put(textField, raw == null ? "" : raw.toString());
  }
}
