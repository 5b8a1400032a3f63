package dev.unibox.quality;

import dev.unibox.config.UniboxConfig;
import dev.unibox.ingest.InboundHook;
import dev.unibox.outbox.ReplyGuard;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The service-quality toolkit, composed: rule documents, the compliance guard on replies, quick replies,
 * auto-replies, the spam folder, satisfaction invites and the response metrics. See docs/quality.md.
 */
public final class QualityModule {

  /** How often the auto-reply sweep runs besides reacting to new messages. */
  static final long AUTO_REPLY_SWEEP_MILLIS = 1_000;

  private final QualityRules rules;
  private final ComplianceGuard guard;
  private final QuickReplies quickReplies;
  private final QualityInbound inbound;
  private final AutoReplies autoReplies;
  private final Path dir;
  private final List<Consumer<Router>> routes;

  public QualityModule(Vertx vertx, Pool pool, Path dir, Clock clock) {
    this.dir = dir;
    this.rules = new QualityRules(vertx, pool, dir);
    this.guard = new ComplianceGuard(rules, clock);
    this.quickReplies = new QuickReplies(vertx, pool, rules, clock);
    SpamFolder spam = new SpamFolder(vertx, pool, clock);
    Satisfaction satisfaction = new Satisfaction(vertx, pool, rules, clock);
    this.inbound = new QualityInbound(rules, spam, satisfaction);
    this.autoReplies = new AutoReplies(vertx, pool, rules, clock);
    this.routes = List.of(new ComplianceRoutes(pool, rules, guard, clock)::mount,
        new QuickReplyRoutes(quickReplies)::mount, spam::mount, new SatisfactionRoutes(satisfaction, clock)::mount,
        new ResponseMetrics(pool, clock)::mount);
  }

  /** config/quality next to the classification rules, unless UNIBOX_QUALITY_DIR (or -Dunibox.quality.dir) says otherwise. */
  public static Path directory(UniboxConfig config) {
    String override = System.getProperty("unibox.quality.dir", System.getenv("UNIBOX_QUALITY_DIR"));
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path parent = config.classificationFile().toAbsolutePath().getParent();
    return parent.resolve("quality");
  }

  /** Loads the rule documents (every problem of the shipped files fails the start, listed). */
  public Future<Void> start() {
    return rules.start();
  }

  /** Once the configured accounts are in the database: compile their rules, seed the shipped quick replies. */
  public Future<Void> afterAccountsSynced() {
    return rules.reload().compose(v -> quickReplies.seed(dir.resolve("quick-replies.yaml"), rules.accounts().keySet()));
  }

  public ReplyGuard replyGuard() {
    return guard;
  }

  public InboundHook inboundHook() {
    return inbound;
  }

  public LoopVerticle autoReplies() {
    return autoReplies.job(AUTO_REPLY_SWEEP_MILLIS);
  }

  public QualityRules rules() {
    return rules;
  }

  public void mount(Router router) {
    routes.forEach(r -> r.accept(router));
  }

  public Future<Void> stop() {
    return rules.stop();
  }
}
