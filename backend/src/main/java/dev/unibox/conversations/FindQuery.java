package dev.unibox.conversations;

import dev.unibox.domain.Priority;
import dev.unibox.web.ApiException;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * One request of {@code GET /api/find}, validated: a tab, optional filters, an optional search text and the
 * keyset cursor of the page to read. Every problem is a 400 naming the parameter.
 */
public record FindQuery(String tab, String text, String platform, String shop, String status, Integer priority,
                        String language, Long agent, Cursor after, int limit) {

  public static final Set<String> TABS = Set.of("mine", "queue", "solved", "all");
  public static final Set<String> STATUSES = Set.of("queued", "assigned", "closed", "spam");
  public static final int MAX_TEXT = 100;
  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 50;

  /** The position after which the next page starts: the last row's sort time and id. */
  public record Cursor(Instant at, long id) {

    public String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String s) {
      try {
        String plain = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        int bar = plain.indexOf('|');
        return new Cursor(Instant.parse(plain.substring(0, bar)), Long.parseLong(plain.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw ApiException.badRequest("bad_cursor", "cursor is not one this server gave out");
      }
    }
  }

  public static FindQuery from(MultiMap params) {
    String tab = optional(params, "tab", 16);
    if (tab == null) {
      tab = "all";
    } else if (!TABS.contains(tab)) {
      throw ApiException.badRequest("bad_tab", "tab must be one of mine, queue, solved, all");
    }
    String text = params.get("q") == null ? null : params.get("q").strip();
    if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw ApiException.badRequest("query_too_long", "q is longer than " + MAX_TEXT + " characters");
    }
    if (text != null && text.isEmpty()) {
      text = null;
    }
    String status = optional(params, "status", 16);
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest("bad_status", "status must be one of queued, assigned, closed, spam");
    }
    String priorityName = optional(params, "priority", 16);
    Integer priority = null;
    if (priorityName != null) {
      Priority p = Priority.ofWire(priorityName);
      if (p == null) {
        throw ApiException.badRequest("bad_priority", "priority must be one of normal, urgent, critical");
      }
      priority = p.level();
    }
    Long agent = null;
    String agentText = optional(params, "agent", 20);
    if (agentText != null) {
      try {
        agent = Long.parseLong(agentText);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("bad_agent", "agent must be a user id");
      }
    }
    int limit = DEFAULT_LIMIT;
    String limitText = optional(params, "limit", 6);
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw ApiException.badRequest("bad_limit", "limit must be between 1 and " + MAX_LIMIT);
      }
    }
    String cursor = optional(params, "cursor", 200);
    return new FindQuery(tab, text, optional(params, "platform", 40), optional(params, "shop", 200), status, priority,
        optional(params, "language", 16), agent, cursor == null ? null : Cursor.decode(cursor), limit);
  }

  /** The LIKE pattern matching the text anywhere, its wildcards escaped (backslash is the escape). */
  public String pattern() {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static String optional(MultiMap params, String name, int maxLength) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > maxLength) {
      throw ApiException.badRequest("bad_" + name, name + " is too long");
    }
    return v.strip();
  }
}
