package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.support.PollCursor;
import dev.unibox.adapters.support.PolledPages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TikTok Shop's conversations and messages through the API: the polling sweep, and the message a
 * webhook names (TikTok webhooks carry no message).
 */
record TikTokReader(TikTokApiClient api, TikTokMessages mapper, Clock clock, long lookbackSeconds, long overlapSeconds,
                    String locale, boolean sweepAll) {

  /**
   * The message a webhook pushed at {@code pushedAt} names: looked up among the conversation's newest messages
   * (or, without a message id, all of them since the push, oldest first); without a conversation id, a sweep.
   */
  Future<List<InboundMessage>> pushed(String conversation, String wanted, long pushedAt) {
    if (conversation == null) {
      return poll("w=" + (pushedAt - overlapSeconds)).map(PollResult::messages);
    }
    List<InboundMessage> found = new ArrayList<>();
    return messages(conversation, null, null, pushedAt - overlapSeconds, "", found, wanted, 3)
        .map(v -> wanted == null ? mapper.sorted(found)
            : found.stream().filter(m -> m.platformMessageId().equals(wanted)).toList());
  }

  /**
   * Cursor {@code w=<watermark s>} between sweeps, plus {@code top} and {@code pt} (page_token) while a sweep
   * pages. Conversations whose latest message is older than the watermark (minus overlap) end the sweep.
   */
  Future<PollResult> poll(String cursor) {
    Map<String, String> c = PollCursor.parse(cursor, "TikTok Shop", "w", "top");
    long watermark = c.containsKey("w") ? Long.parseLong(c.get("w")) : clock.instant().getEpochSecond() - lookbackSeconds;
    long top = c.containsKey("top") ? Long.parseLong(c.get("top")) : clock.instant().getEpochSecond();
    String pageToken = c.getOrDefault("pt", "");
    long floor = watermark - overlapSeconds;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page_size", Integer.toString(TikTokAdapter.MAX_CONVERSATION_PAGE));
    params.put("locale", locale);
    if (!pageToken.isEmpty()) {
      params.put("page_token", pageToken);
    }
    return api.get(TikTokAdapter.BASE, params).compose(data -> {
      JsonArray conversations = data.getJsonArray("conversations", new JsonArray());
      List<InboundMessage> found = new ArrayList<>();
      PolledPages.Sweep sweep = PolledPages.readNewer(conversations,
          conv -> PolledPages.time(conv.getJsonObject("latest_message", new JsonObject()), "create_time"), floor,
          conv -> {
            JsonObject buyer = TikTokMessages.buyer(conv);
            return messages(String.valueOf(conv.getValue("id")),
                buyer == null ? null : TikTokMessages.str(buyer.getValue("im_user_id")),
                buyer == null ? null : buyer.getString("nickname"), floor, "", found, null, Integer.MAX_VALUE);
          });
      String next = data.getString("next_page_token", "");
      boolean more = next != null && !next.isEmpty() && (sweepAll || !sweep.reachedFloor()) && !conversations.isEmpty();
      String nextCursor = more ? "w=" + watermark + ";top=" + top + ";pt=" + next : "w=" + top;
      return sweep.read().map(v -> new PollResult(mapper.sorted(found), nextCursor, more));
    });
  }

  private Future<Void> messages(String conversationId, String buyerId, String buyerName, long floor, String pageToken,
                                List<InboundMessage> found, String wanted, int pagesLeft) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page_size", Integer.toString(TikTokAdapter.MAX_MESSAGE_PAGE));
    params.put("sort_field", "index");
    params.put("sort_order", "DESC");
    params.put("locale", locale);
    if (!pageToken.isEmpty()) {
      params.put("page_token", pageToken);
    }
    return api.get(TikTokAdapter.BASE + "/" + conversationId + "/messages", params).compose(data -> {
      JsonArray list = data.getJsonArray("messages", new JsonArray());
      String knownBuyer = buyerId;
      String knownName = buyerName;
      for (int i = 0; i < list.size() && knownBuyer == null; i++) {
        JsonObject sender = list.getJsonObject(i).getJsonObject("sender", new JsonObject());
        if ("BUYER".equals(sender.getString("role"))) {
          knownBuyer = TikTokMessages.str(sender.getValue("im_user_id"));
          knownName = sender.getString("nickname");
        }
      }
      boolean reachedFloor = false;
      boolean foundWanted = false;
      for (int i = 0; i < list.size(); i++) {
        JsonObject m = list.getJsonObject(i);
        if (wanted == null && PolledPages.time(m, "create_time") < floor) {
          reachedFloor = true;
          continue;
        }
        InboundMessage mapped = mapper.map(m, conversationId, knownBuyer, knownName);
        if (mapped != null) {
          found.add(mapped);
          foundWanted |= mapped.platformMessageId().equals(wanted);
        }
      }
      String next = data.getString("next_page_token", "");
      if (reachedFloor || foundWanted || next == null || next.isEmpty() || list.isEmpty() || pagesLeft <= 1) {
        return Future.succeededFuture();
      }
      return messages(conversationId, knownBuyer, knownName, floor, next, found, wanted, pagesLeft - 1);
    });
  }
}
