package dev.unibox.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.config.ConfigException;
import dev.unibox.quality.rules.QualityDocuments;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.signals.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality rule documents and the compiled {@link RuleSet} of every shop. Documents come from
 * {@code config/quality/} (global.yaml, platforms/&lt;platform&gt;.yaml, shops/&lt;account id&gt;.yaml);
 * an admin's edit of a scope is stored in the database and replaces that scope's file. Edits take effect
 * at once: the editing node reloads before it answers and tells the others over the event bus; every
 * node also checks the database version and the files' modification times every few seconds.
 */
public final class QualityRules {

  private static final Logger LOG = LoggerFactory.getLogger(QualityRules.class);
  private static final long CHECK_MILLIS = 5_000;

  /** A shop as the quality rules know it. */
  public record Account(String id, String platform, String shopName, String timeZone) {}

  /** An admin's stored edit of a scope. */
  record Edited(JsonNode document, Long updatedBy, Instant updatedAt) {}

  /** One consistent view: shipped files, stored edits, accounts; rule sets compiled on demand. */
  private record Snapshot(long version, Map<String, JsonNode> files, Map<String, Long> fileTimes,
                          Map<String, Edited> edited, Map<String, Account> accounts,
                          Map<String, RuleSet> compiled) {}

  private final Vertx vertx;
  private final Pool pool;
  private final QualityFiles files;
  private volatile Snapshot snapshot;
  private long timer = -1;
  private MessageConsumer<Object> consumer;
  private Future<Void> reloading;

  public QualityRules(Vertx vertx, Pool pool, Path dir) {
    this.vertx = vertx;
    this.pool = pool;
    this.files = new QualityFiles(dir);
  }

  /** Loads everything (failing with every problem of the shipped files listed) and starts watching. */
  public Future<Void> start() {
    return vertx.executeBlocking(() -> {
      Map<String, Long> times = new TreeMap<>();
      List<String> problems = new ArrayList<>();
      Map<String, JsonNode> read = files.read(times, problems);
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      return Map.entry(read, times);
    }, false).compose(read -> load(read.getKey(), read.getValue())).onSuccess(v -> {
      timer = vertx.setPeriodic(CHECK_MILLIS, id -> check());
      consumer = vertx.eventBus().consumer(Addresses.QUALITY_CHANGED, m -> reload());
      LOG.info("Quality rules loaded from {} ({} scopes edited in the web app)", files.dir(), snapshot.edited().size());
    });
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** The rules of one shop (global + platform + shop documents). */
  public RuleSet forShop(String platform, String accountId) {
    Snapshot s = snapshot;
    return s.compiled().computeIfAbsent(platform + "|" + accountId, k -> compile(s, platform, accountId));
  }

  public RuleSet forAccount(String accountId) {
    Account a = snapshot.accounts().get(accountId);
    return forShop(a == null ? "" : a.platform(), accountId);
  }

  public Map<String, Account> accounts() {
    return snapshot.accounts();
  }

  /** The effective document of a scope (edited, else shipped, else empty), and where it comes from. */
  public JsonObject describe(String scope) {
    Snapshot s = snapshot;
    Edited e = s.edited().get(scope);
    JsonNode file = s.files().get(scope);
    JsonNode effective = e != null ? e.document() : file != null ? file : QualityDocuments.empty();
    return new JsonObject()
        .put("scope", scope)
        .put("label", label(scope, s))
        .put("source", e != null ? "edited" : file != null ? "file" : "none")
        .put("file", QualityFiles.fileName(scope))
        .put("updatedAt", e == null ? null : e.updatedAt().toString())
        .put("updatedBy", e == null ? null : e.updatedBy())
        .put("document", toJson(effective))
        .put("shipped", file == null ? null : toJson(file));
  }

  /** Every scope an admin may edit: global, each platform with a file or an account, each shop. */
  public List<String> scopes() {
    Snapshot s = snapshot;
    List<String> out = new ArrayList<>();
    out.add("global");
    Set<String> platforms = new TreeSet<>();
    s.accounts().values().forEach(a -> platforms.add(a.platform()));
    s.files().keySet().stream().filter(k -> k.startsWith("platform:")).forEach(k -> platforms.add(k.substring(9)));
    s.edited().keySet().stream().filter(k -> k.startsWith("platform:")).forEach(k -> platforms.add(k.substring(9)));
    platforms.forEach(p -> out.add("platform:" + p));
    s.accounts().keySet().forEach(id -> out.add("shop:" + id));
    return out;
  }

  /**
   * Stores an admin's document for a scope (validated: every problem is reported) and reloads.
   *
   * @return the problems; empty when stored
   */
  public Future<List<String>> save(String scope, JsonObject document, long userId, Instant now) {
    JsonNode doc;
    try {
      doc = QualityDocuments.JSON.readTree(document.encode());
    } catch (IOException e) {
      return Future.succeededFuture(List.of("document: not JSON"));
    }
    List<String> problems = QualityDocuments.validate(doc, scope);
    if (!problems.isEmpty()) {
      return Future.succeededFuture(problems);
    }
    return QualityRuleStore.save(pool, scope, document, userId, now)
        .compose(v -> changed())
        .map(v -> List.<String>of());
  }

  /** Drops the admin's edit of a scope: back to the shipped file. */
  public Future<Void> reset(String scope) {
    return QualityRuleStore.reset(pool, scope).compose(v -> changed());
  }

  /** Reloads here, then tells every other node (the event bus reaches the whole cluster). */
  private Future<Void> changed() {
    return reload().onSuccess(v -> vertx.eventBus().publish(Addresses.QUALITY_CHANGED, null));
  }

  /** Re-reads the database (and files that changed); safe to call any time, runs one at a time. */
  public synchronized Future<Void> reload() {
    if (reloading != null && !reloading.isComplete()) {
      return reloading.transform(ar -> reload());
    }
    Snapshot old = snapshot;
    reloading = vertx.executeBlocking(() -> {
      Map<String, Long> times = new TreeMap<>();
      List<String> problems = new ArrayList<>();
      Map<String, JsonNode> read = files.read(times, problems);
      if (!problems.isEmpty()) {
        LOG.warn("Quality rule files have problems; keeping the previous version of those: {}", problems);
        old.files().forEach((scope, doc) -> {
          if (problems.stream().anyMatch(p -> p.startsWith(QualityFiles.fileName(scope)))) {
            read.put(scope, doc);
          }
        });
      }
      return Map.entry(read, times);
    }, false).compose(f -> load(f.getKey(), f.getValue()));
    return reloading;
  }

  private void check() {
    Snapshot s = snapshot;
    QualityRuleStore.changedSince(pool, s.version(), List.copyOf(s.accounts().keySet()))
        .compose(changed -> changed ? Future.succeededFuture(true)
            : vertx.executeBlocking(() -> files.changedSince(s.fileTimes()), false))
        .onSuccess(changed -> {
          if (changed) {
            reload().onFailure(e -> LOG.warn("Reloading the quality rules failed: {}", e.getMessage()));
          }
        });
  }

  private Future<Void> load(Map<String, JsonNode> read, Map<String, Long> times) {
    return pool.withConnection(QualityRuleStore::load).compose(db -> vertx.executeBlocking(() -> {
      Snapshot next = new Snapshot(db.version(), Map.copyOf(read), Map.copyOf(times), db.edited(), db.accounts(),
          new ConcurrentHashMap<>());
      // compile every known shop here, off the event loop, before requests see the new snapshot
      next.accounts().values().forEach(a ->
          next.compiled().put(a.platform() + "|" + a.id(), compile(next, a.platform(), a.id())));
      snapshot = next;
      return null;
    }, false)).mapEmpty();
  }

  private static RuleSet compile(Snapshot s, String platform, String accountId) {
    JsonNode doc = effective(s, "global");
    doc = QualityDocuments.merge(doc, effective(s, "platform:" + platform));
    doc = QualityDocuments.merge(doc, effective(s, "shop:" + accountId));
    return RuleSet.compile(doc);
  }

  private static JsonNode effective(Snapshot s, String scope) {
    Edited e = s.edited().get(scope);
    if (e != null) {
      return e.document();
    }
    JsonNode file = s.files().get(scope);
    return file == null ? QualityDocuments.empty() : file;
  }

  private static String label(String scope, Snapshot s) {
    if ("global".equals(scope)) {
      return "All shops";
    }
    if (scope.startsWith("platform:")) {
      return "Platform " + scope.substring(9);
    }
    Account a = s.accounts().get(scope.substring(5));
    return a == null ? scope : "Shop " + a.shopName() + " (" + a.id() + ")";
  }

  /** global, platform:&lt;id&gt; or shop:&lt;account id&gt; of a known account; false otherwise. */
  boolean validScope(String scope) {
    if ("global".equals(scope)) {
      return true;
    }
    if (scope.startsWith("platform:")) {
      return scope.substring(9).matches("[a-z][a-z0-9_-]{0,31}");
    }
    return scope.startsWith("shop:") && snapshot.accounts().containsKey(scope.substring(5));
  }

  private static JsonObject toJson(JsonNode node) {
    return new JsonObject(node.toString());
  }
}
