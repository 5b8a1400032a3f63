package dev.unibox.adapters.tiktok.fake;

import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.fail;
import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.offset;
import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.ok;
import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.pageSize;
import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.token;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake TikTok Shop's conversations and messages, and the customer service calls on them: conversations
 * (≤ 20 a page, newest first), messages (≤ 10 a page, by sortable {@code index} or create_time), send and
 * read. Every method on the stored conversations is synchronized.
 */
final class FakeTikTokConversations {

  static final int MAX_CONVERSATIONS = 20;
  static final int MAX_MESSAGES = 10;

  private static final class Conversation {
    final String id;
    final String shopId;
    final String buyerImId;
    final String buyerName;
    final List<JsonObject> messages = new ArrayList<>();
    final long createTime;
    int unread;

    Conversation(String id, String shopId, String buyerImId, String buyerName, long createTime) {
      this.id = id;
      this.shopId = shopId;
      this.buyerImId = buyerImId;
      this.buyerName = buyerName;
      this.createTime = createTime;
    }

    long latest() {
      return messages.isEmpty() ? createTime : messages.get(messages.size() - 1).getLong("create_time");
    }
  }

  private final Clock clock;
  private final List<JsonObject> sends;
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private long nextMessageId = 7_300_000_000_000_000_001L;
  private long nextConversation = 1;

  /** {@code sends} records every accepted send. */
  FakeTikTokConversations(Clock clock, List<JsonObject> sends) {
    this.clock = clock;
    this.sends = sends;
  }

  /** A buyer's {@code user_id}, as the conversation list names it beside their {@code im_user_id}. */
  static String userId(String buyerImId) {
    return "u" + buyerImId;
  }

  List<String> reads() {
    return List.copyOf(reads);
  }

  /** Stores a buyer's text in their conversation with the shop (made on first contact); the stored message. */
  synchronized JsonObject buyerText(String shopId, String buyerImId, String buyerName, String text) {
    Conversation c = conversation(shopId, buyerImId, buyerName);
    JsonObject stored = message(c, "TEXT", new JsonObject().put("content", text).encode(), true,
        new JsonObject().put("im_user_id", buyerImId).put("role", "BUYER").put("nickname", buyerName));
    c.unread++;
    return stored;
  }

  synchronized void addInvisibleMessage(String conversationId) {
    message(conversations.get(conversationId), "NOTIFICATION", new JsonObject().put("content", "internal").encode(),
        false, new JsonObject().put("im_user_id", "0").put("role", "SYSTEM").put("nickname", "system"));
  }

  private Conversation conversation(String shopId, String buyerImId, String buyerName) {
    for (Conversation c : conversations.values()) {
      if (c.shopId.equals(shopId) && c.buyerImId.equals(buyerImId)) {
        return c;
      }
    }
    Conversation c = new Conversation("5767" + (100_000_000L + nextConversation++), shopId, buyerImId, buyerName,
        clock.instant().getEpochSecond());
    conversations.put(c.id, c);
    return c;
  }

  private JsonObject message(Conversation c, String type, String content, boolean visible, JsonObject sender) {
    JsonObject m = new JsonObject()
        .put("id", Long.toString(nextMessageId++))
        .put("conversation_id", c.id)
        .put("index", Integer.toString(c.messages.size() + 1))
        .put("type", type)
        .put("content", content)
        .put("create_time", clock.instant().getEpochSecond())
        .put("is_visible", visible)
        .put("sender", sender);
    c.messages.add(m);
    return m;
  }

  /** The shop's conversation the path names; null after answering 404 when there is none. */
  private Conversation named(RoutingContext ctx, String shopId) {
    Conversation c = conversations.get(ctx.pathParam("id"));
    if (c == null || !c.shopId.equals(shopId)) {
      fail(ctx, 404, 1, "conversation not found");
      return null;
    }
    return c;
  }

  synchronized void list(RoutingContext ctx, String shopId) {
    Integer size = pageSize(ctx, MAX_CONVERSATIONS);
    if (size == null) {
      return;
    }
    int from = offset(ctx.request().getParam("page_token"));
    List<Conversation> all = conversations.values().stream().filter(c -> c.shopId.equals(shopId))
        .sorted(Comparator.comparingLong(Conversation::latest).reversed().thenComparing(c -> c.id)).toList();
    List<Conversation> page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
    JsonArray list = new JsonArray();
    for (Conversation c : page) {
      JsonObject latest = c.messages.isEmpty() ? null : c.messages.get(c.messages.size() - 1).copy();
      list.add(new JsonObject().put("id", c.id)
          .put("participants", new JsonArray()
              .add(new JsonObject().put("im_user_id", c.buyerImId).put("user_id", userId(c.buyerImId))
                  .put("role", "BUYER").put("nickname", c.buyerName).put("avatar", ""))
              .add(new JsonObject().put("im_user_id", "shop-" + shopId).put("role", "SHOP")
                  .put("nickname", "shop").put("avatar", "")))
          .put("latest_message", latest).put("unread_count", c.unread).put("can_send_message", true)
          .put("create_time", c.createTime));
    }
    ok(ctx, new JsonObject().put("conversations", list).put("next_page_token", token(from + page.size(), all.size())));
  }

  synchronized void messages(RoutingContext ctx, String shopId) {
    Integer size = pageSize(ctx, MAX_MESSAGES);
    Conversation c = size == null ? null : named(ctx, shopId);
    if (c == null) {
      return;
    }
    List<JsonObject> ordered = new ArrayList<>(c.messages);
    String field = ctx.request().getParam("sort_field");
    Comparator<JsonObject> cmp = "create_time".equals(field)
        ? Comparator.comparingLong((JsonObject m) -> m.getLong("create_time"))
        : Comparator.comparingLong((JsonObject m) -> Long.parseLong(m.getString("index")));
    ordered.sort("DESC".equalsIgnoreCase(ctx.request().getParam("sort_order")) ? cmp.reversed() : cmp);
    int from = offset(ctx.request().getParam("page_token"));
    List<JsonObject> page = ordered.subList(Math.min(from, ordered.size()), Math.min(from + size, ordered.size()));
    ok(ctx, new JsonObject()
        .put("messages", new JsonArray(page.stream().map(JsonObject::copy).toList()))
        .put("next_page_token", token(from + page.size(), ordered.size())));
  }

  void send(RoutingContext ctx, String shopId) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    JsonObject stored;
    synchronized (this) {
      Conversation c = conversations.get(ctx.pathParam("id"));
      String type = body == null ? null : body.getString("type");
      String content = body == null ? null : body.getString("content");
      if (c == null || !c.shopId.equals(shopId) || type == null || content == null) {
        fail(ctx, 400, 1, "conversation, type and content are required");
        return;
      }
      String text = "TEXT".equals(type) ? new JsonObject(content).getString("content", "") : "";
      if (text.codePointCount(0, text.length()) > 2000) {
        fail(ctx, 400, 1, "text too long");
        return;
      }
      stored = message(c, type, content, true,
          new JsonObject().put("im_user_id", "shop-" + shopId).put("role", "SHOP").put("nickname", "shop"));
      c.unread = 0;
      sends.add(new JsonObject().put("conversation_id", c.id).put("type", type).put("content", content)
          .put("message_id", stored.getString("id")));
    }
    ok(ctx, new JsonObject().put("message_id", stored.getString("id")));
  }

  synchronized void read(RoutingContext ctx, String shopId) {
    Conversation c = named(ctx, shopId);
    if (c == null) {
      return;
    }
    c.unread = 0;
    reads.add(c.id);
    ok(ctx, new JsonObject());
  }
}
