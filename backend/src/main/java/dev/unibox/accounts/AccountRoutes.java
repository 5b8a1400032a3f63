package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformProfile;
import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Accounts over HTTP. Admins only: {@code GET/POST /api/admin/accounts}, {@code POST .../:id/pause|resume|poll},
 * {@code DELETE .../:id}, {@code GET /api/admin/alerts}. Everyone: {@code GET /api/accounts} (the accounts
 * the user may serve, with capabilities and platform profile). No answer ever contains a secret.
 */
public record AccountRoutes(Pool pool, AccountService service, AccountAdminStore store) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public void mount(Router router) {
    router.get("/api/accounts").handler(this::visible);
    // users under /api/admin/users have their own rules (users.UserAdminRoutes)
    router.routeWithRegex("/api/admin/(accounts|alerts)(/.*)?").handler(ctx -> {
      AccessPolicy.requireGlobalAdmin(AuthRoutes.user(ctx), "manage accounts");
      ctx.next();
    });
    router.get("/api/admin/accounts").handler(this::list);
    router.post("/api/admin/accounts").handler(this::add);
    router.post("/api/admin/accounts/:id/pause").handler(ctx -> done(ctx, service.pause(ctx.pathParam("id"))));
    router.post("/api/admin/accounts/:id/resume").handler(ctx -> done(ctx, service.resume(ctx.pathParam("id"))));
    router.post("/api/admin/accounts/:id/poll").handler(ctx -> {
      String id = ctx.pathParam("id");
      if (service.registry().byAccount(id).isEmpty()) {
        throw new ApiException(404, "unknown_account", "No running account " + id);
      }
      Kicks.poll(ctx.vertx(), id);
      Responses.json(ctx, 202, new JsonObject().put("accountId", id).put("poll", "requested"));
    });
    router.delete("/api/admin/accounts/:id").handler(ctx -> done(ctx, service.remove(ctx.pathParam("id"))));
    router.get("/api/admin/alerts").handler(ctx -> store.openAlerts(pool).onSuccess(rows -> {
      JsonArray alerts = new JsonArray();
      rows.forEach(r -> alerts.add(new JsonObject().put("id", r.getLong("id")).put("accountId", r.getString("account_id"))
          .put("kind", r.getString("kind")).put("message", r.getString("message")).put("at", iso(r.getOffsetDateTime("at")))));
      Responses.json(ctx, 200, new JsonObject().put("alerts", alerts));
    }).onFailure(ctx::fail));
  }

  private void visible(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    JsonArray out = new JsonArray();
    for (PlatformAdapter a : service.registry().all()) {
      if (AccessPolicy.seesAccount(user, a.account().accountId())) {
        out.add(new JsonObject().put("id", a.account().accountId()).put("platform", a.account().platform())
            .put("shopName", a.account().shopName()).put("region", a.account().region())
            .put("timeZone", a.account().timeZone())
            .put("paused", service.registry().isPaused(a.account().accountId()))
            .put("capabilities", capabilities(a.capabilities()))
            .put("platformProfile", profile(service.registry().platformProfile(a.account().accountId()).orElse(null))));
      }
    }
    Responses.json(ctx, 200, new JsonObject().put("accounts", out));
  }

  private void list(RoutingContext ctx) {
    store.list(pool).onSuccess(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        String id = r.getString("id");
        PlatformAdapter a = service.registry().byAccount(id).orElse(null);
        out.add(new JsonObject()
            .put("id", id).put("platform", r.getString("platform")).put("shopId", r.getString("shop_id"))
            .put("shopName", r.getString("shop_name")).put("region", r.getString("region"))
            .put("timeZone", r.getString("time_zone")).put("source", r.getString("source"))
            .put("status", r.getString("status")).put("pausedReason", r.getString("paused_reason"))
            .put("running", a != null)
            .put("capabilities", a == null ? null : capabilities(a.capabilities()))
            .put("platformProfile", profile(service.registry().platformProfile(id).orElse(null)))
            .put("health", new JsonObject()
                .put("lastPushAt", iso(r.getOffsetDateTime("last_push_at")))
                .put("lastPollAt", iso(r.getOffsetDateTime("last_poll_at")))
                .put("lastPollError", r.getString("last_poll_error"))
                .put("tokenExpiresAt", iso(r.getOffsetDateTime("token_expires_at")))
                .put("tokenDead", Boolean.TRUE.equals(r.getBoolean("token_dead")))
                .put("errorCount", r.getLong("error_count") == null ? 0 : r.getLong("error_count"))
                .put("rateLimitCount", r.getLong("rate_limit_count") == null ? 0 : r.getLong("rate_limit_count"))
                .put("lastError", r.getString("last_error"))
                .put("lastErrorAt", iso(r.getOffsetDateTime("last_error_at")))
                .put("recoveredByBackstop", r.getLong("recovered_count") == null ? 0 : r.getLong("recovered_count"))
                .put("openAlerts", r.getLong("open_alerts"))));
      }
      Responses.json(ctx, 200, new JsonObject().put("accounts", out));
    }).onFailure(ctx::fail);
  }

  private void add(RoutingContext ctx) {
    AccountConfig account = parse(Responses.body(ctx));
    Responses.reply(ctx, 201, service.add(account).map(v -> new JsonObject().put("id", account.accountId())
        .put("platform", account.platform()).put("status", "active")));
  }

  /** Reads and checks an account body, listing every problem at once. */
  static AccountConfig parse(JsonObject b) {
    List<String> problems = new ArrayList<>();
    String id = string(b, "id");
    if (id == null || !ID.matcher(id).matches()) {
      problems.add("id: 1-64 of a-z, 0-9 and '-', starting with a letter or digit");
    }
    String platform = string(b, "platform");
    if (platform == null) {
      problems.add("platform is required");
    }
    String shopId = string(b, "shopId");
    if (shopId == null) {
      problems.add("shopId is required");
    }
    String shopName = string(b, "shopName");
    if (shopName == null) {
      problems.add("shopName is required");
    }
    String zone = string(b, "timeZone");
    try {
      if (zone == null) {
        problems.add("timeZone is required (e.g. Asia/Shanghai)");
      } else {
        ZoneId.of(zone);
      }
    } catch (DateTimeException e) {
      problems.add("timeZone is not a known zone id");
    }
    String api = string(b, "apiBaseUrl");
    if (api == null) {
      problems.add("apiBaseUrl is required");
    }
    Object rawCredentials = b.getValue("credentials");
    JsonObject c = rawCredentials instanceof JsonObject o ? o : null;
    if (c == null || string(c, "appSecret") == null) {
      problems.add("credentials.appSecret is required");
    }
    Map<String, String> options = new HashMap<>();
    Object rawOptions = b.getValue("options");
    if (rawOptions instanceof JsonObject o) {
      o.forEach(e -> options.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
    } else if (rawOptions != null) {
      problems.add("options must be an object of strings");
    }
    String callback = string(b, "callbackUrl");
    if (api != null && CallbackRule.problem(api, callback) != null) {
      problems.add(CallbackRule.problem(api, callback));
    } else if (callback != null && !callback.matches("^(https?://|self:/)\\S+$")) {
      problems.add("callbackUrl must be an http(s) URL");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("invalid_account", String.join("; ", problems));
    }
    return new AccountConfig(id, platform, shopId, shopName, string(b, "region"), zone, api,
        callback == null ? "self:/webhooks/" + platform : callback,
        new AccountCredentials(string(c, "appKey"), string(c, "appSecret"), string(c, "accessToken"),
            string(c, "refreshToken")), options);
  }

  private static String string(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v instanceof String s && !s.isBlank() ? s.trim() : null;
  }

  private static JsonObject capabilities(Capabilities c) {
    return new JsonObject().put("text", c.text()).put("image", c.image()).put("productCard", c.productCard())
        .put("orderCard", c.orderCard()).put("markRead", c.markRead()).put("maxTextLength", c.maxTextLength())
        .put("polling", c.polling()).put("lostPushRecovery", c.lostPushRecovery()).put("tokenRefresh", c.tokenRefresh());
  }

  static JsonObject profile(PlatformProfile p) {
    if (p == null) {
      return null;
    }
    JsonArray metrics = new JsonArray();
    p.metrics().forEach(m -> metrics.add(new JsonObject().put("id", m.id()).put("description", m.description())
        .put("responseWithin", m.responseWithin()).put("window", m.window()).put("target", m.target())
        .put("excludesAutoReplies", m.excludesAutoReplies())));
    return new JsonObject().put("platform", p.platform()).put("displayName", p.displayName())
        .put("channel", p.channel()).put("metrics", metrics);
  }

  private static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }

  private static void done(RoutingContext ctx, Future<Void> action) {
    String id = ctx.pathParam("id");
    Responses.reply(ctx, 200, action.map(v -> new JsonObject().put("id", id).put("ok", true)));
  }
}
