package dev.unibox.adapters.lazada.fake;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake Lazada's IM sessions and messages, and the IM calls on them: session and message lists paged with
 * Lazada's cursors ({@code start_time} + {@code last_session_id}/{@code last_message_id}, page_size ≤ 20),
 * send (templates 1 text, 3 image, 10006 item, 10007 order) and read. Every method is synchronized.
 */
final class FakeLazadaSessions {

  static final int MAX_PAGE = 20;

  private static final class Session {
    final String id;
    final String sellerId;
    final String buyerId;
    String title;
    final List<JsonObject> messages = new ArrayList<>();
    long lastMessageTime;
    int unread;

    Session(String id, String sellerId, String buyerId, String title) {
      this.id = id;
      this.sellerId = sellerId;
      this.buyerId = buyerId;
      this.title = title;
    }
  }

  private final Clock clock;
  private final FakeLazadaCalls calls;
  private final List<JsonObject> sends;
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<JsonObject> reads = new CopyOnWriteArrayList<>();

  /** {@code sends} records every accepted send. */
  FakeLazadaSessions(Clock clock, FakeLazadaCalls calls, List<JsonObject> sends) {
    this.clock = clock;
    this.calls = calls;
    this.sends = sends;
  }

  List<JsonObject> reads() {
    return List.copyOf(reads);
  }

  /** Stores a buyer's text in their session with the seller (made on first contact); the stored message. */
  synchronized JsonObject buyerText(String sellerId, String buyerId, String buyerName, String text) {
    Session s = sessions.computeIfAbsent(sellerId + "/" + buyerId,
        k -> new Session(Long.toString(300_000_000L + sessions.size()), sellerId, buyerId, buyerName));
    s.title = buyerName;
    JsonObject stored = message(s, buyerId, 1, sellerId, 2, "1", new JsonObject().put("txt", text).encode());
    s.unread++;
    return stored;
  }

  private JsonObject message(Session s, String fromId, int fromType, String toId, int toType, String template,
                             String content) {
    long now = Math.max(clock.millis(), s.lastMessageTime + 1);
    JsonObject m = new JsonObject()
        .put("message_id", calls.randomId())
        .put("session_id", s.id)
        .put("template_id", Integer.parseInt(template))
        .put("type", 1)
        .put("content", content)
        .put("from_account_id", fromId)
        .put("from_account_type", fromType)
        .put("to_account_id", toId)
        .put("to_account_type", toType)
        .put("send_time", now)
        .put("status", 0)
        .put("auto_reply", false)
        .put("process_msg", "");
    s.messages.add(m);
    s.lastMessageTime = now;
    return m;
  }

  private Session session(String sellerId, MultiMap params) {
    return sessions.values().stream().filter(x -> x.id.equals(params.get("session_id"))
        && x.sellerId.equals(sellerId)).findFirst().orElse(null);
  }

  private Integer pageSize(RoutingContext ctx, MultiMap params) {
    try {
      int size = Integer.parseInt(params.get("page_size"));
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // below
    }
    calls.imError(ctx, "page_size must be between 1 and 20");
    return null;
  }

  /** The {@code start_time} cursor (ms); null after answering the error when it is missing. */
  private Long startTime(RoutingContext ctx, MultiMap params) {
    try {
      return Long.parseLong(params.get("start_time"));
    } catch (NumberFormatException e) {
      calls.imError(ctx, "start_time is required");
      return null;
    }
  }

  synchronized void sessionList(RoutingContext ctx, String sellerId, MultiMap params) {
    Integer size = pageSize(ctx, params);
    Long start = size == null ? null : startTime(ctx, params);
    if (start == null) {
      return;
    }
    String lastId = params.get("last_session_id");
    boolean noLastId = lastId == null || lastId.isEmpty();
    Comparator<Session> newestFirst = Comparator.comparingLong((Session s) -> s.lastMessageTime).reversed()
        .thenComparing(s -> s.id);
    List<Session> after = sessions.values().stream().filter(s -> s.sellerId.equals(sellerId))
        .filter(s -> !s.messages.isEmpty()).sorted(newestFirst)
        .filter(s -> s.lastMessageTime < start
            || s.lastMessageTime == start && (noLastId || s.id.compareTo(lastId) > 0))
        .toList();
    List<Session> page = after.stream().limit(size).toList();
    JsonArray list = new JsonArray();
    for (Session s : page) {
      JsonObject last = s.messages.get(s.messages.size() - 1);
      list.add(new JsonObject().put("session_id", s.id).put("buyer_id", s.buyerId).put("title", s.title)
          .put("head_url", "").put("summary", last.getString("content")).put("unread_count", s.unread)
          .put("last_message_id", last.getString("message_id")).put("last_message_time", s.lastMessageTime)
          .put("tags", new JsonArray()).put("site_id", "MY"));
    }
    JsonObject data = new JsonObject().put("session_list", list).put("has_more", after.size() > page.size());
    if (!page.isEmpty()) {
      Session last = page.get(page.size() - 1);
      data.put("next_start_time", last.lastMessageTime).put("last_session_id", last.id);
    }
    calls.imOk(ctx, data);
  }

  synchronized void messageList(RoutingContext ctx, String sellerId, MultiMap params) {
    Integer size = pageSize(ctx, params);
    if (size == null) {
      return;
    }
    Session s = session(sellerId, params);
    if (s == null) {
      calls.imError(ctx, "session not found");
      return;
    }
    Long start = startTime(ctx, params);
    if (start == null) {
      return;
    }
    String lastId = params.get("last_message_id");
    List<JsonObject> newestFirst = new ArrayList<>(s.messages);
    Collections.reverse(newestFirst);
    List<JsonObject> after = new ArrayList<>();
    boolean passedLast = lastId == null || lastId.isEmpty();
    for (JsonObject m : newestFirst) {
      if (!passedLast) {
        passedLast = m.getString("message_id").equals(lastId);
      } else if (m.getLong("send_time") <= start) {
        after.add(m);
      }
    }
    List<JsonObject> page = after.stream().limit(size).toList();
    JsonObject data = new JsonObject().put("message_list", new JsonArray(page.stream().map(JsonObject::copy).toList()))
        .put("has_more", after.size() > page.size());
    if (!page.isEmpty()) {
      JsonObject last = page.get(page.size() - 1);
      data.put("next_start_time", last.getLong("send_time")).put("last_message_id", last.getString("message_id"));
    }
    calls.imOk(ctx, data);
  }

  void send(RoutingContext ctx, String sellerId, MultiMap params) {
    JsonObject stored;
    synchronized (this) {
      Session s = session(sellerId, params);
      if (s == null) {
        calls.imError(ctx, "session not found");
        return;
      }
      String template = params.get("template_id");
      JsonObject content = new JsonObject();
      switch (template == null ? "" : template) {
        case "1" -> content.put("txt", params.get("txt"));
        case "3" -> content.put("imgUrl", params.get("img_url"));
        case "10006" -> content.put("itemId", params.get("item_id"));
        case "10007" -> content.put("orderId", params.get("order_id"));
        default -> {
          calls.imError(ctx, "template_id is invalid");
          return;
        }
      }
      if (content.fieldNames().stream().anyMatch(f -> content.getValue(f) == null)) {
        calls.imError(ctx, "a required field of template " + template + " is missing");
        return;
      }
      stored = message(s, sellerId, 2, s.buyerId, 1, template, content.encode());
      s.unread = 0;
      sends.add(new JsonObject().put("seller_id", sellerId).put("session_id", s.id).put("template_id", template)
          .put("content", content).put("message_id", stored.getString("message_id")));
    }
    calls.imOk(ctx, new JsonObject().put("message_id", stored.getString("message_id"))
        .put("send_time", stored.getLong("send_time")));
  }

  synchronized void read(RoutingContext ctx, String sellerId, MultiMap params) {
    Session s = session(sellerId, params);
    if (s == null || params.get("last_read_message_id") == null) {
      calls.imError(ctx, "session_id and last_read_message_id are required");
      return;
    }
    s.unread = 0;
    reads.add(new JsonObject().put("session_id", s.id).put("last_read_message_id", params.get("last_read_message_id")));
    calls.imOk(ctx, new JsonObject());
  }
}
