package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.adapters.support.ApiAccountAdapter;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.PollCursor;
import dev.unibox.adapters.support.PolledPages;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Lazada seller on the Lazada Open Platform IM API. Credentials: appKey/appSecret of the app,
 * accessToken/refreshToken of the seller. {@code shopId} is the {@code seller_id} LPM pushes carry.
 *
 * <p>Options: {@code maxTextLength} (default 1000: Lazada's limit is [unknown]), {@code requestTimeoutMs}
 * (10000), {@code authBaseUrl} (token refresh host, default apiBaseUrl; live: https://auth.lazada.com/rest),
 * {@code accessTokenExpiresAt} (ISO instant), {@code tokenRefreshMarginSeconds} (300),
 * {@code pollPageSize} (20, Lazada's maximum), {@code pollLookbackMinutes} (60), {@code pollOverlapSeconds} (60).
 */
public final class LazadaAdapter extends ApiAccountAdapter {

  static final String SESSION_LIST = "/im/session/list";
  static final String MESSAGE_LIST = "/im/message/list";
  static final String MESSAGE_SEND = "/im/message/send";
  static final String SESSION_READ = "/im/session/read";
  static final int MAX_PAGE = 20;

  private final LazadaApiClient api;
  private final LazadaMapper mapper;
  private final LazadaOrders orders;
  private final int pageSize;
  private final long lookbackMs;
  private final long overlapMs;

  public LazadaAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
    // Image upload is not part of the IM API we know: images are sent by URL only.
    super(validated(account), context, new Capabilities(true, true, true, true, true,
        (int) HttpSupport.positiveLong(account, "maxTextLength", 1000), true, false, true, true));
    long timeoutMs = HttpSupport.positiveLong(account, "requestTimeoutMs", 10_000);
    this.pageSize = (int) Math.min(MAX_PAGE, HttpSupport.positiveLong(account, "pollPageSize", MAX_PAGE));
    this.lookbackMs = HttpSupport.positiveLong(account, "pollLookbackMinutes", 60) * 60_000;
    this.overlapMs = HttpSupport.positiveLong(account, "pollOverlapSeconds", 60) * 1000;
    this.mapper = new LazadaMapper(account.accountId());
    this.api = new LazadaApiClient(openWebClient(vertx, "unibox-lazada-adapter"), account, clock, timeoutMs,
        context.events());
    keepTokens(api);
    this.orders = new LazadaOrders(api, clock);
  }

  private static AccountConfig validated(AccountConfig account) {
    List<String> problems = new ArrayList<>();
    if (!HttpSupport.isHttpUrl(account.apiBaseUrl())) {
      problems.add("apiBaseUrl must be an http(s) URL, e.g. https://api.lazada.com.my/rest");
    }
    if (account.shopId() == null || account.shopId().isBlank()) {
      problems.add("shopId must be the Lazada seller_id");
    }
    if (account.credentials() == null || account.credentials().appKey() == null
        || account.credentials().appKey().isBlank() || account.credentials().appSecret() == null
        || account.credentials().appSecret().isBlank()) {
      problems.add("credentials.appKey and credentials.appSecret are required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Lazada account " + account.accountId() + ": " + String.join("; ", problems));
    }
    return account;
  }

  /** LPM answers must come within 500 ms [verified]. */
  @Override
  public Duration pushAckDeadline() {
    return Duration.ofMillis(500);
  }

  @Override
  public PushBatch parsePush(PushRequest push) {
    if (!LazadaSigner.verifyPush(account.credentials().appSecret(), account.credentials().appKey(),
        PushBodies.bytes(push), PushBodies.header(push, "Authorization"))) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null,
          "Lazada push signature missing or wrong for account " + account.accountId());
    }
    JsonObject p = LazadaAdapterFactory.parse(push);
    String seller = LazadaMapper.string(p.getValue("seller_id"));
    if (!account.shopId().equals(seller)) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "push is for seller " + seller);
    }
    int type = p.getValue("message_type") instanceof Number n ? n.intValue() : -1;
    if (type != 2 || !(p.getValue("data") instanceof JsonObject data)) {
      return new PushBatch(null, List.of()); // 19 = session update and other types carry no chat line
    }
    InboundMessage m = mapper.map(data, null, null);
    return new PushBatch(LazadaMapper.string(data.getValue("message_id")), m == null ? List.of() : List.of(m));
  }

  @Override
  public Future<SendResult> send(OutboundMessage message) {
    String session = message.platformConversationId();
    if (session == null || session.isBlank()) {
      return permanent("Lazada sends need the session_id of the conversation");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("session_id", session);
    switch (message.typeOrText()) {
      case "text" -> {
        AdapterException problem = HttpSupport.textProblem("this Lazada account", message.text(),
            capabilities.maxTextLength());
        if (problem != null) {
          return Future.failedFuture(problem);
        }
        params.put("template_id", "1");
        params.put("txt", message.text());
      }
      case "image" -> {
        if (message.imageBytes() != null || message.text() == null || message.text().isBlank()) {
          return permanent("Lazada images are sent by URL (img_url); uploading is not supported");
        }
        params.put("template_id", "3");
        params.put("img_url", message.text().trim());
      }
      case "item" -> {
        params.put("template_id", "10006");
        params.put("item_id", requireRef(message));
      }
      case "order" -> {
        params.put("template_id", "10007");
        params.put("order_id", requireRef(message));
      }
      default -> {
        return permanent("Message type '" + message.typeOrText() + "' is not supported by Lazada");
      }
    }
    if (params.containsValue(null)) {
      return permanent("A Lazada " + message.typeOrText() + " card needs its id in the text");
    }
    return api.post(MESSAGE_SEND, params).compose(data -> {
      String id = LazadaMapper.string(data.getValue("message_id"));
      if (id == null) {
        return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
            "Lazada accepted the message but returned no message_id"));
      }
      Instant at = data.getValue("send_time") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : clock.instant();
      return Future.succeededFuture(new SendResult(id, at));
    });
  }

  private static String requireRef(OutboundMessage m) {
    return m.text() == null || m.text().isBlank() ? null : m.text().trim();
  }

  /**
   * Sweeps sessions newest first ({@code start_time}/{@code last_session_id} paging) down to the previous
   * sweep's start (minus an overlap) and reads each changed session's messages the same way. Cursor:
   * {@code w=<watermark ms>} between sweeps, plus {@code st, ls, top} while a sweep is paging.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    Map<String, String> c = PollCursor.parse(cursor, "Lazada", "w", "top");
    long watermark = c.containsKey("w") ? Long.parseLong(c.get("w")) : clock.millis() - lookbackMs;
    long top = c.containsKey("top") ? Long.parseLong(c.get("top")) : clock.millis();
    String startTime = c.getOrDefault("st", Long.toString(top + 1000));
    String lastSession = c.getOrDefault("ls", "");
    long floor = watermark - overlapMs;
    return api.get(SESSION_LIST, page(startTime, "last_session_id", lastSession)).compose(data -> {
      JsonArray sessions = data.getJsonArray("session_list", new JsonArray());
      List<InboundMessage> found = new ArrayList<>();
      PolledPages.Sweep sweep = PolledPages.readNewer(sessions, s -> PolledPages.time(s, "last_message_time"), floor,
          s -> messages(LazadaMapper.string(s.getValue("session_id")), LazadaMapper.string(s.getValue("buyer_id")),
              s.getString("title"), floor, Long.toString(top + 1000), "", found));
      boolean more = Boolean.TRUE.equals(data.getBoolean("has_more")) && !sweep.reachedFloor() && !sessions.isEmpty();
      String next = more
          ? "w=" + watermark + ";top=" + top + ";st=" + data.getValue("next_start_time") + ";ls="
              + LazadaMapper.string(data.getValue("last_session_id"))
          : "w=" + top;
      return sweep.read().map(v -> new PollResult(found, next, more));
    });
  }

  /** The paging of Lazada's IM lists: {@code start_time}, {@code page_size} and, after the first page, the last id. */
  private Map<String, String> page(String startTime, String lastIdParam, String lastId) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("start_time", startTime);
    params.put("page_size", Integer.toString(pageSize));
    if (!lastId.isEmpty()) {
      params.put(lastIdParam, lastId);
    }
    return params;
  }

  private Future<Void> messages(String sessionId, String buyerId, String title, long floor, String startTime,
                                String lastMessageId, List<InboundMessage> found) {
    Map<String, String> params = page(startTime, "last_message_id", lastMessageId);
    params.put("session_id", sessionId);
    return api.get(MESSAGE_LIST, params).compose(data -> {
      JsonArray list = data.getJsonArray("message_list", new JsonArray());
      boolean reachedFloor = PolledPages.collect(list, "send_time", floor, m -> mapper.map(m, buyerId, title), found);
      if (reachedFloor || list.isEmpty() || !Boolean.TRUE.equals(data.getBoolean("has_more"))) {
        return Future.succeededFuture();
      }
      return messages(sessionId, buyerId, title, floor, String.valueOf(data.getValue("next_start_time")),
          String.valueOf(data.getValue("last_message_id")), found);
    });
  }

  @Override
  public Future<List<BuyerOrder>> buyerOrders(String platformBuyerId) {
    return orders.of(platformBuyerId);
  }

  @Override
  public Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    return api.post(SESSION_READ, Map.of("session_id", platformConversationId,
        "last_read_message_id", lastReadMessageId)).mapEmpty();
  }
}
