package dev.unibox.adapters.shopee.fake;

import dev.unibox.adapters.shopee.ShopeeIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake's shops, conversations and messages. Every method is synchronized: callers come from any thread. */
final class FakeShopeeState {

  record Shop(long shopId, String name, String callbackUrl, long shopUserId) {}

  private static final class Conversation {
    final String id;
    final long shopId;
    final String buyerId;
    String buyerName;
    final List<JsonObject> messages = new ArrayList<>();
    int unreadCount;
    long lastMessageNano;

    Conversation(String id, long shopId, String buyerId, String buyerName) {
      this.id = id;
      this.shopId = shopId;
      this.buyerId = buyerId;
      this.buyerName = buyerName;
    }
  }

  static final int MAX_MESSAGE_PAGE = 60;
  static final int MAX_CONVERSATION_PAGE = 25;

  final FakeShopeeTokens tokens;
  final FakeShopeeLostPushes lostPushes;
  private final List<JsonObject> reads = new ArrayList<>();

  private final Clock clock;
  private final Map<Long, Shop> shops = new LinkedHashMap<>();
  private final Map<String, Conversation> conversationsByBuyer = new HashMap<>();
  private final Map<String, Conversation> conversationsById = new HashMap<>();
  private long nextMessageId = 2_231_000_000_000_000_001L;
  private long nextConversationId = 481_000_000_000_000_001L;
  private long nextShopUserId = 700_000_001L;
  private long lastNano;

  FakeShopeeState(Clock clock) {
    this.clock = clock;
    this.tokens = new FakeShopeeTokens(clock);
    this.lostPushes = new FakeShopeeLostPushes(clock);
  }

  synchronized Shop addShop(long shopId, String name, String accessToken, String refreshToken, String callbackUrl) {
    Shop shop = new Shop(shopId, name, callbackUrl, nextShopUserId++);
    shops.put(shopId, shop);
    tokens.issue(shopId, accessToken, refreshToken);
    return shop;
  }

  synchronized boolean markRead(long shopId, String conversationId, String lastReadMessageId) {
    Conversation c = conversationsById.get(conversationId);
    if (c == null || c.shopId != shopId) {
      return false;
    }
    c.unreadCount = 0;
    reads.add(new JsonObject().put("shop_id", shopId).put("conversation_id", conversationId)
        .put("last_read_message_id", lastReadMessageId));
    return true;
  }

  synchronized List<JsonObject> reads() {
    return List.copyOf(reads);
  }

  synchronized Shop shop(long shopId) {
    return shops.get(shopId);
  }

  /** Stores a buyer's text; answers the stored message (get_message shape). */
  synchronized JsonObject addBuyerText(long shopId, String buyerId, String buyerName, String text) {
    Shop shop = shops.get(shopId);
    Conversation c = conversation(shopId, buyerId, buyerName);
    c.buyerName = buyerName;
    JsonObject m = message(c, "text", new JsonObject().put("text", text),
        ShopeeIds.toJsonNumber(buyerId), 0L, shop.shopUserId(), shopId);
    c.unreadCount++;
    return m.copy();
  }

  /** Stores a message the shop sent through the API; answers the stored message (get_message shape). */
  synchronized JsonObject addSellerMessage(long shopId, String buyerId, String messageType, JsonObject content) {
    Shop shop = shops.get(shopId);
    Conversation c = conversation(shopId, buyerId, null);
    JsonObject m = message(c, messageType, content.copy(),
        shop.shopUserId(), shopId, ShopeeIds.toJsonNumber(buyerId), 0L);
    c.unreadCount = 0;
    return m.copy();
  }

  /**
   * One page of a conversation, newest first. {@code offset} is the opaque cursor of the previous page
   * (empty for the first); null when the conversation is not this shop's.
   *
   * @throws IllegalArgumentException for a cursor this fake never gave out
   */
  synchronized JsonObject messagePage(long shopId, String conversationId, String offset, int pageSize) {
    Conversation c = conversationsById.get(conversationId);
    if (c == null || c.shopId != shopId) {
      return null;
    }
    long before = Long.MAX_VALUE;
    if (offset != null && !offset.isEmpty()) {
      try {
        before = Long.parseLong(offset);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid offset.");
      }
    }
    JsonArray page = new JsonArray();
    int remaining = 0;
    for (int i = c.messages.size() - 1; i >= 0; i--) {
      JsonObject m = c.messages.get(i);
      if (Long.parseLong(m.getString("message_id")) >= before) {
        continue;
      }
      if (page.size() < pageSize) {
        page.add(m.copy());
      } else {
        remaining++;
      }
    }
    String nextOffset = remaining > 0 ? page.getJsonObject(page.size() - 1).getString("message_id") : "";
    return new JsonObject()
        .put("messages", page)
        .put("page_result", new JsonObject().put("page_size", page.size()).put("next_offset", nextOffset));
  }

  /**
   * One page of the shop's conversations. {@code older}: last message before the cursor (default now),
   * newest first. Otherwise ({@code latest}): last message after the cursor (default 0), oldest first,
   * so that following the cursor walks forward in time.
   */
  synchronized JsonObject conversationPage(long shopId, boolean older, boolean unreadOnly, boolean pinnedOnly,
      Long cursorNano, int pageSize) {
    Comparator<Conversation> byTime = Comparator.comparingLong(c -> c.lastMessageNano);
    List<Conversation> matching = conversationsById.values().stream()
        .filter(c -> c.shopId == shopId)
        .filter(c -> !unreadOnly || c.unreadCount > 0)
        .filter(c -> !pinnedOnly)
        .filter(c -> older
            ? c.lastMessageNano < (cursorNano == null ? Long.MAX_VALUE : cursorNano)
            : c.lastMessageNano > (cursorNano == null ? 0 : cursorNano))
        .sorted(older ? byTime.reversed() : byTime)
        .toList();
    // [reported] Shopee answers an empty list, not an error, for page_size above 25.
    List<Conversation> page = pageSize > MAX_CONVERSATION_PAGE ? List.of() : matching.stream().limit(pageSize).toList();
    boolean more = pageSize <= MAX_CONVERSATION_PAGE && matching.size() > page.size();
    JsonObject nextCursor = new JsonObject();
    if (!page.isEmpty()) {
      Conversation last = page.get(page.size() - 1);
      nextCursor.put("next_message_time_nano", Long.toString(last.lastMessageNano)).put("conversation_id", last.id);
    }
    JsonArray conversations = new JsonArray();
    page.forEach(c -> conversations.add(describe(c)));
    return new JsonObject()
        .put("page_result", new JsonObject().put("page_size", page.size()).put("more", more).put("next_cursor", nextCursor))
        .put("conversations", conversations);
  }

  private JsonObject describe(Conversation c) {
    JsonObject latest = c.messages.get(c.messages.size() - 1);
    return new JsonObject()
        .put("conversation_id", c.id)
        .put("to_id", ShopeeIds.toJsonNumber(c.buyerId))
        .put("to_name", c.buyerName == null ? "" : c.buyerName)
        .put("to_avatar", "")
        .put("shop_id", c.shopId)
        .put("unread_count", c.unreadCount)
        .put("pinned", false)
        .put("last_read_message_id", "0")
        .put("latest_message_id", latest.getString("message_id"))
        .put("latest_message_type", latest.getString("message_type"))
        .put("latest_message_content", latest.getJsonObject("content").copy())
        .put("latest_message_from_id", latest.getValue("from_id"))
        .put("last_message_timestamp", c.lastMessageNano);
  }

  private Conversation conversation(long shopId, String buyerId, String buyerName) {
    return conversationsByBuyer.computeIfAbsent(shopId + ":" + buyerId, key -> {
      Conversation c = new Conversation(Long.toString(nextConversationId++), shopId, buyerId, buyerName);
      conversationsById.put(c.id, c);
      return c;
    });
  }

  private JsonObject message(Conversation c, String type, JsonObject content,
      Object fromId, long fromShopId, Object toId, long toShopId) {
    Instant now = clock.instant();
    long nano = Math.max(lastNano + 1, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    lastNano = nano;
    JsonObject m = new JsonObject()
        .put("message_id", Long.toString(nextMessageId++))
        .put("message_type", type)
        .put("from_id", fromId)
        .put("from_shop_id", fromShopId)
        .put("to_id", toId)
        .put("to_shop_id", toShopId)
        .put("conversation_id", c.id)
        .put("created_timestamp", now.getEpochSecond())
        .put("status", "normal")
        .put("source", "")
        .put("content", content)
        .put("message_option", 0)
        .put("source_content", new JsonObject());
    c.messages.add(m);
    c.lastMessageNano = nano;
    return m;
  }
}
