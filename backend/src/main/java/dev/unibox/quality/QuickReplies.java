package dev.unibox.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.quality.rules.QualityDocuments;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.Texts;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canned responses: a shortcut ("/refund"), a title, a text per language with variables ({buyerName},
 * {orderNumber}, {shopName}, {trackingLink}), shared by the whole team (optionally labelled with a team
 * such as after_sale) or by one shop. Supervisors and admins manage them; the composer lists the ones of
 * a conversation's shop with the variables filled from the conversation. An inserted text is an ordinary
 * reply: it goes through the compliance check.
 */
public final class QuickReplies {

  private static final Logger LOG = LoggerFactory.getLogger(QuickReplies.class);
  private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  static final int MAX_TEXT = 2000;

  private static final String COLUMNS = "q.id, q.shortcut, q.title, q.account_id, q.team, q.variants, q.updated_at";

  private static final String VISIBLE = "SELECT " + COLUMNS + """
       FROM quick_replies q
      WHERE q.deleted_at IS NULL AND (q.account_id IS NULL OR $1 OR q.account_id = ANY($2))
        AND ($3::text IS NULL OR q.account_id IS NULL OR q.account_id = $3)
      ORDER BY q.shortcut, q.account_id NULLS LAST""";

  private static final String FOR_SHOP = "SELECT " + COLUMNS + """
       FROM quick_replies q
      WHERE q.deleted_at IS NULL AND (q.account_id IS NULL OR q.account_id = $1)
        AND ($2::text IS NULL OR q.shortcut LIKE $2 || '%' OR lower(q.title) LIKE '%' || $2 || '%')
      ORDER BY q.shortcut, q.account_id NULLS LAST
      LIMIT 20""";

  private static final String CONVERSATION_FACTS = """
      SELECT c.account_id, c.language, a.platform, a.shop_name, b.name AS buyer_name,
             ARRAY(SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
                   ORDER BY m.at DESC, m.id DESC LIMIT 50) AS buyer_texts
      FROM conversations c JOIN accounts a ON a.id = c.account_id JOIN buyers b ON b.id = c.buyer_id
      WHERE c.id = $1""";

  private static final String INSERT = """
      INSERT INTO quick_replies (shortcut, title, account_id, team, variants, seed_key, created_by, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  private static final String ONE = "SELECT " + COLUMNS + " FROM quick_replies q WHERE q.id = $1 AND q.deleted_at IS NULL";

  private static final String UPDATE = """
      UPDATE quick_replies SET shortcut = $2, title = $3, account_id = $4, team = $5, variants = $6, updated_at = $7
      WHERE id = $1 AND deleted_at IS NULL""";

  private static final String DELETE = "UPDATE quick_replies SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL";

  private final Vertx vertx;
  private final Pool pool;
  private final QualityRules rules;
  private final Clock clock;

  public QuickReplies(Vertx vertx, Pool pool, QualityRules rules, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.rules = rules;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/quick-replies").handler(this::list);
    router.post("/api/quick-replies").handler(this::create);
    router.put("/api/quick-replies/:id").handler(this::update);
    router.delete("/api/quick-replies/:id").handler(this::delete);
    router.get("/api/conversations/:id/quick-replies").handler(this::forConversation);
  }

  /**
   * Loads {@code quick-replies.yaml} into the database: each shipped entry once (by its seed key), so an
   * admin's change or deletion is never undone by a restart.
   */
  public Future<Void> seed(Path file, java.util.Set<String> accounts) {
    if (!Files.isRegularFile(file)) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> QualityDocuments.readYaml(file), false).compose(doc -> {
      JsonNode list = doc.get("quickReplies");
      Future<Void> chain = Future.succeededFuture();
      if (list == null || !list.isArray()) {
        return chain;
      }
      var now = clock.instant().atOffset(ZoneOffset.UTC);
      for (JsonNode q : list) {
        JsonObject body = new JsonObject(q.toString());
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
          LOG.warn("{}: quick reply {} skipped: {}", file, q.path("shortcut").asText("?"), problems);
          continue;
        }
        String account = body.getString("accountId");
        if (account != null && !accounts.contains(account)) {
          continue;
        }
        String seedKey = "file:" + (account == null ? "" : account) + "/" + body.getString("shortcut");
        chain = chain.compose(v -> pool.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
            body.getString("shortcut"), body.getString("title"), account, blankToNull(body.getString("team")),
            body.getJsonObject("variants"), seedKey, null, now})).mapEmpty());
      }
      return chain;
    });
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    String account = Params.text(ctx, "accountId");
    pool.preparedQuery(VISIBLE).execute(Access.shops(Tuple.tuple(), user).addString(account)).onSuccess(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(json(r)));
      Responses.json(ctx, 200, new JsonObject().put("quickReplies", out));
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    JsonObject body = Responses.body(ctx);
    validate(body, user);
    pool.preparedQuery(INSERT).execute(Tuple.from(new Object[] {body.getString("shortcut"), body.getString("title").strip(),
            body.getString("accountId"), blankToNull(body.getString("team")), body.getJsonObject("variants"), null,
            user.id(), clock.instant().atOffset(ZoneOffset.UTC)}))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(taken(body)) : one(rows.iterator().next().getLong("id")))
        .onSuccess(q -> Responses.json(ctx, 201, new JsonObject().put("quickReply", q)))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    validate(body, user);
    one(id).compose(existing -> {
      mayManage(user, existing);
      return pool.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {id, body.getString("shortcut"),
              body.getString("title").strip(), body.getString("accountId"), blankToNull(body.getString("team")),
              body.getJsonObject("variants"), clock.instant().atOffset(ZoneOffset.UTC)}))
          .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
              ? taken(body) : e));
    }).compose(v -> one(id))
        .onSuccess(q -> Responses.json(ctx, 200, new JsonObject().put("quickReply", q)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    long id = Responses.pathId(ctx, "id");
    one(id).compose(existing -> {
      mayManage(user, existing);
      return pool.preparedQuery(DELETE).execute(Tuple.of(id, clock.instant().atOffset(ZoneOffset.UTC)));
    }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** The composer's list: the shop's and the team's quick replies matching ?q=, rendered for the conversation. */
  private void forConversation(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String q = Params.text(ctx, "q");
    String query = q == null ? null : q.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    if (query != null && query.length() > 64) {
      throw ApiException.badRequest("bad_q", "q is at most 64 characters");
    }
    ConversationStore.summary(pool, id).compose(summary -> {
      if (summary == null) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      if (!ConversationStore.mayView(user, summary)) {
        return Future.failedFuture(ApiException.forbidden("This conversation is not yours"));
      }
      return pool.preparedQuery(CONVERSATION_FACTS).execute(Tuple.of(id));
    }).compose(facts -> {
      Row f = facts.iterator().next();
      String like = query == null || query.isEmpty() ? null : query.replace("\\", "").replace("%", "").replace("_", "\\_");
      return pool.preparedQuery(FOR_SHOP).execute(Tuple.of(f.getString("account_id"), like))
          .map(rows -> render(f, rows));
    }).onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("quickReplies", list))).onFailure(ctx::fail);
  }

  private JsonArray render(Row facts, Iterable<Row> rows) {
    RuleSet set = rules.forShop(facts.getString("platform"), facts.getString("account_id"));
    List<String> buyerTexts = List.of(facts.getArrayOfStrings("buyer_texts"));
    String order = set.orderNumber(buyerTexts);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("buyerName", facts.getString("buyer_name"));
    values.put("shopName", facts.getString("shop_name"));
    values.put("orderNumber", order);
    values.put("trackingLink", set.trackingLink(order));
    String language = facts.getString("language");
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      JsonObject q = json(r);
      Map<String, String> variants = new LinkedHashMap<>();
      q.getJsonObject("variants").forEach(e -> variants.put(e.getKey(), String.valueOf(e.getValue())));
      Texts.Variant v = Texts.pick(variants, language, set.autoReplies().defaultLanguage());
      if (v == null) {
        continue;
      }
      Texts.Rendered rendered = Texts.render(v.text(), values);
      JsonObject renderedByLanguage = new JsonObject();
      variants.forEach((lang, text) -> renderedByLanguage.put(lang, Texts.render(text, values).text()));
      out.add(q.put("language", v.language()).put("text", rendered.text())
          .put("missing", new JsonArray(rendered.missing())).put("rendered", renderedByLanguage));
    }
    return out;
  }

  private Future<JsonObject> one(long id) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ApiException.notFound("Quick reply")) : Future.succeededFuture(json(rows.iterator().next())));
  }

  private static void mayManage(CurrentUser user, JsonObject quickReply) {
    String account = quickReply.getString("accountId");
    if (account == null ? !user.allAccounts() && !"admin".equals(user.role()) : !user.mayServe(account)) {
      throw ApiException.forbidden("This quick reply belongs to a shop that is not yours");
    }
  }

  private void validate(JsonObject body, CurrentUser user) {
    List<String> problems = problems(body);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("invalid_quick_reply", String.join("; ", problems));
    }
    String account = body.getString("accountId");
    if (account != null && !rules.accounts().containsKey(account)) {
      throw ApiException.badRequest("invalid_quick_reply", "accountId: no shop " + account);
    }
    if (account == null ? !user.allAccounts() && !"admin".equals(user.role()) : !user.mayServe(account)) {
      throw ApiException.forbidden(account == null ? "Only supervisors of all shops and admins may share a quick reply"
          + " with the whole team" : "This shop is not yours");
    }
  }

  static List<String> problems(JsonObject body) {
    List<String> p = new ArrayList<>();
    if (!(body.getValue("shortcut") instanceof String s) || !SHORTCUT.matcher(s).matches()) {
      p.add("shortcut: 1-32 lower-case letters, digits, - or _ (typed as /shortcut)");
    }
    if (!(body.getValue("title") instanceof String t) || t.isBlank() || t.length() > 100) {
      p.add("title: 1-100 characters");
    }
    Object account = body.getValue("accountId");
    if (account != null && !(account instanceof String)) {
      p.add("accountId: a shop's account id, or null for the whole team");
    }
    Object team = body.getValue("team");
    if (team != null && (!(team instanceof String t) || t.length() > 40)) {
      p.add("team: a label of at most 40 characters, or null");
    }
    if (!(body.getValue("variants") instanceof JsonObject variants) || variants.isEmpty()) {
      p.add("variants: at least one text, by language ({\"en\": \"…\", \"zh\": \"…\"})");
    } else {
      variants.forEach(e -> {
        if (!LANGUAGE.matcher(e.getKey()).matches()) {
          p.add("variants." + e.getKey() + ": a language code such as en, zh, th, vi, ms or zh-Hant");
        }
        if (!(e.getValue() instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
          p.add("variants." + e.getKey() + ": a text of 1-" + MAX_TEXT + " characters");
        }
      });
    }
    return p;
  }

  private static ApiException taken(JsonObject body) {
    return new ApiException(409, "shortcut_taken", "/" + body.getString("shortcut") + " already exists for "
        + (body.getString("accountId") == null ? "the whole team" : "this shop"));
  }

  private static JsonObject json(Row r) {
    Object variants = r.getValue("variants");
    String account = r.getString("account_id");
    return new JsonObject().put("id", r.getLong("id")).put("shortcut", r.getString("shortcut"))
        .put("title", r.getString("title")).put("accountId", account).put("scope", account == null ? "team" : "shop")
        .put("team", r.getString("team"))
        .put("variants", variants instanceof JsonObject o ? o : new JsonObject(String.valueOf(variants)))
        .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
