package dev.unibox.adapters.tiktok.fake;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * TikTok Shop's answer envelope ({@code code, message, request_id[, data]}) and its paging: {@code page_size}
 * within a call's maximum, and opaque {@code page_token}s (here an encoded offset).
 */
final class FakeTikTokReplies {

  private FakeTikTokReplies() {
  }

  static void ok(RoutingContext ctx, JsonObject data) {
    envelope(ctx, 0, "success", data);
  }

  /** An error answer with that HTTP status and TikTok code. */
  static void fail(RoutingContext ctx, int status, long code, String message) {
    ctx.response().setStatusCode(status);
    envelope(ctx, code, message, null);
  }

  static void envelope(RoutingContext ctx, long code, String message, JsonObject data) {
    JsonObject body = new JsonObject().put("code", code).put("message", message)
        .put("request_id", UUID.randomUUID().toString().replace("-", ""));
    if (data != null) {
      body.put("data", data);
    }
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** The call's page_size when it is 1 to {@code max}; null after answering HTTP 400 otherwise. */
  static Integer pageSize(RoutingContext ctx, int max) {
    try {
      int n = Integer.parseInt(ctx.request().getParam("page_size"));
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // below
    }
    fail(ctx, 400, 1, "page_size must be between 1 and " + max);
    return null;
  }

  /** The offset a page token stands for (0 for none). */
  static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).substring(4));
  }

  /** The page token of the page starting at {@code offset}, or "" when there is no such page. */
  static String token(int offset, int total) {
    return offset < total
        ? Base64.getUrlEncoder().withoutPadding().encodeToString(("off:" + offset).getBytes(StandardCharsets.UTF_8))
        : "";
  }
}
