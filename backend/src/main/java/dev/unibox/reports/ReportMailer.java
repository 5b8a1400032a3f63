package dev.unibox.reports;

import dev.unibox.config.UniboxConfig.MailConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued report e-mails through the configured SMTP server, a few per pass, each marked sent
 * after the server accepted it; a failure is retried with a doubling delay (1 min up to 6 h) and given up
 * after {@value #MAX_ATTEMPTS} attempts, the error kept on the row. Runs inside the reports job, so one
 * node sends; a node that dies between the server's acceptance and the row's update sends that one
 * e-mail again on the next pass (at least once, never lost).
 */
public final class ReportMailer {

  private static final Logger LOG = LoggerFactory.getLogger(ReportMailer.class);
  static final int MAX_ATTEMPTS = 10;
  static final int PER_PASS = 20;
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);

  private final Pool pool;
  private final Clock clock;
  private final MailConfig config;
  private final MailClient client;

  public ReportMailer(Vertx vertx, Pool pool, MailConfig config, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    this.config = config;
    this.client = config.enabled() ? MailClient.create(vertx, clientConfig(config)) : null;
  }

  private static io.vertx.ext.mail.MailConfig clientConfig(MailConfig c) {
    return new io.vertx.ext.mail.MailConfig().setHostname(c.host()).setPort(c.port())
        .setStarttls(StartTLSOptions.valueOf(c.startTls()))
        .setLogin(c.username().isEmpty() ? LoginOption.DISABLED : LoginOption.REQUIRED)
        .setUsername(c.username().isEmpty() ? null : c.username())
        .setPassword(c.password().isEmpty() ? null : c.password())
        .setConnectTimeout(10_000);
  }

  /** Sends what is due; answers how many were accepted by the server. */
  public Future<Integer> sendDue() {
    if (client == null) {
      return Future.succeededFuture(0);
    }
    return ReportMailingsStore.due(pool, clock.instant(), PER_PASS).compose(due -> {
      Future<Integer> sent = Future.succeededFuture(0);
      for (ReportMailingsStore.Due d : due) {
        sent = sent.compose(n -> send(d).map(ok -> n + (ok ? 1 : 0)));
      }
      return sent;
    });
  }

  private Future<Boolean> send(ReportMailingsStore.Due d) {
    return client.sendMail(ReportMail.compose(config.from(), d.recipient(), d.snapshot()))
        .compose(r -> ReportMailingsStore.sent(pool, d, clock.instant()).map(true),
            e -> {
              int attempt = d.attempts() + 1;
              boolean last = attempt >= MAX_ATTEMPTS;
              Instant retry = clock.instant().plus(backoff(attempt));
              LOG.warn("Report e-mail (report {}) to {} failed, attempt {} of {}{}: {}", d.snapshotId(), d.recipient(),
                  attempt, MAX_ATTEMPTS, last ? ", giving up" : "", e.getMessage());
              return ReportMailingsStore.failed(pool, d, String.valueOf(e.getMessage()), retry, last, clock.instant())
                  .map(false);
            });
  }

  static Duration backoff(int attempt) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
