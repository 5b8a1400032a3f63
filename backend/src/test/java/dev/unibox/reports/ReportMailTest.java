package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.unibox.config.UniboxConfig.MailConfig;
import dev.unibox.testing.Await;
import io.vertx.sqlclient.Row;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored reports are e-mailed through a real SMTP server (GreenMail, in process on loopback): each version
 * once to each of its scope's recipients with the table as CSV and XLSX, a correction again, and a server
 * that is down is retried later without losing or doubling a mail.
 */
class ReportMailTest {

  private static final String SH = "Asia/Shanghai";
  private static final String OWNER = "owner@pdd-shop.example";
  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-23T16:30:00Z");  // Tuesday 2026-11-24 00:30 in Shanghai
  private ReportSnapshots snapshots;
  private ReportMailer mailer;
  private GreenMail smtp;
  private int port;
  private long mei;

  @BeforeEach
  void seed() throws Exception {
    // the 23rd has ended for the shop
    mei = data.rows().answeredAndUnansweredDay(SH);
    data.sweep();
    snapshots = new ReportSnapshots(data.pool(), new ReportService(data.pool()), data.clock,
        scope -> "pdd".equals(scope) ? List.of(OWNER) : List.of());
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    mailer = new ReportMailer(data.vertx(), data.pool(),
        new MailConfig(true, "127.0.0.1", port, "DISABLED", "", "", "reports@unibox.example"), data.clock);
  }

  @AfterEach
  void close() throws Exception {
    Await.result(mailer.close());
    if (smtp != null) {
      smtp.stop();
    }
  }

  private void startSmtp() {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private long queued(String where) throws Exception {
    return data.queryLong("SELECT count(*) FROM report_mailings WHERE " + where);
  }

  @Test
  void eachVersionIsMailedOnceToItsRecipientsWithTheTableAttached() throws Exception {
    startSmtp();
    int versions = Await.result(snapshots.generateDue());
    long shopVersions = data.queryLong("SELECT count(*) FROM report_snapshots WHERE scope = 'pdd'");
    assertThat(versions).isGreaterThan((int) shopVersions).as("the team's reports are stored too");
    assertThat(queued("true")).as("one e-mail per shop version; the team has no recipient").isEqualTo(shopVersions);

    int sent = Await.result(mailer.sendDue());
    assertThat(sent).isEqualTo((int) shopVersions);
    assertThat(queued("sent_at IS NULL")).isZero();
    assertThat(Await.result(mailer.sendDue())).as("nothing is sent twice").isZero();
    assertThat(smtp.getReceivedMessages()).hasSize((int) shopVersions);

    MimeMessage day = bySubject("Daily report · pdd · 2026-11-23");
    assertThat(day.getAllRecipients()).extracting(Object::toString).containsExactly(OWNER);
    assertThat(day.getFrom()).extracting(Object::toString).containsExactly("reports@unibox.example");
    Map<String, byte[]> files = attachments(day);
    assertThat(files.keySet()).containsExactly("unibox-pdd-day-2026-11-23-v1.csv", "unibox-pdd-day-2026-11-23-v1.xlsx");
    String csv = new String(files.get("unibox-pdd-day-2026-11-23-v1.csv"), StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(csv.lines().findFirst().orElseThrow().split(","));
    String[] total = csv.lines().filter(l -> l.contains("Total")).findFirst().orElseThrow().split(",");
    assertThat(total[header.indexOf("conversations")]).isEqualTo("2");
    assertThat(total[header.indexOf("firstResponse.answered")]).isEqualTo("1");
    try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(files.get(
        "unibox-pdd-day-2026-11-23-v1.xlsx")))) {
      List<String> cells = new ArrayList<>();
      xlsx.getFirstSheet().openStream().forEach(r -> r.forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
      assertThat(cells).contains("Total", "conversations");
    }
    assertThat(text(day)).contains("Conversations:", "2").contains("50.0 %");

    // a late reply corrects the 23rd: version 2 goes out, marked as a correction
    data.clock.set(Instant.parse("2026-11-24T09:00:00Z"));
    data.rows().lateAnswerToTheUnanswered(SH, mei);
    data.sweep();
    Await.result(snapshots.generateDue());
    Await.result(mailer.sendDue());
    MimeMessage corrected = bySubject("Daily report · pdd · 2026-11-23 · corrected (version 2)");
    assertThat(attachments(corrected)).containsKey("unibox-pdd-day-2026-11-23-v2.csv");
    assertThat(text(corrected)).contains("replaces version 1");
  }

  @Test
  void aServerThatIsDownIsRetriedLaterAndEachMailArrivesOnce() throws Exception {
    Await.result(snapshots.generateDue());
    long due = queued("true");
    assertThat(Await.result(mailer.sendDue())).as("no SMTP server listening").isZero();
    List<Row> failed = new ArrayList<>();
    Await.result(data.pool().query("SELECT attempts, last_error, next_attempt_at, sent_at FROM report_mailings").execute())
        .forEach(failed::add);
    assertThat(failed).hasSize((int) due).allSatisfy(r -> {
      assertThat(r.getInteger("attempts")).isEqualTo(1);
      assertThat(r.getString("last_error")).isNotBlank();
      assertThat(r.getOffsetDateTime("next_attempt_at").toInstant()).isEqualTo(data.clock.instant().plusSeconds(60));
      assertThat(r.getValue("sent_at")).isNull();
    });

    startSmtp();
    assertThat(Await.result(mailer.sendDue())).as("not due again before its retry time").isZero();
    data.clock.set(data.clock.instant().plusSeconds(60));
    assertThat(Await.result(mailer.sendDue())).isEqualTo((int) due);
    assertThat(smtp.getReceivedMessages()).hasSize((int) due);
    assertThat(queued("sent_at IS NOT NULL AND attempts = 2 AND last_error IS NULL")).isEqualTo(due);
  }

  @Test
  void retriesBackOffAndGiveUpAfterTheLastAttempt() throws Exception {
    assertThat(ReportMailer.backoff(1)).hasMinutes(1);
    assertThat(ReportMailer.backoff(2)).hasMinutes(2);
    assertThat(ReportMailer.backoff(30)).hasHours(6);
    Await.result(snapshots.generateDue());
    for (int i = 0; i < ReportMailer.MAX_ATTEMPTS; i++) {
      Await.result(mailer.sendDue());
      data.clock.set(data.clock.instant().plus(ReportMailer.backoff(ReportMailer.MAX_ATTEMPTS)));
    }
    assertThat(queued("failed_at IS NULL")).isZero();
    assertThat(queued("attempts = " + ReportMailer.MAX_ATTEMPTS)).isEqualTo(queued("true"));
    startSmtp();
    assertThat(Await.result(mailer.sendDue())).as("given up: not sent any more").isZero();
  }

  private MimeMessage bySubject(String subject) throws Exception {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (subject.equals(m.getSubject())) {
        return m;
      }
    }
    throw new AssertionError("no e-mail with subject " + subject);
  }

  private static Map<String, byte[]> attachments(MimeMessage m) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    Multipart parts = (Multipart) m.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (p.getFileName() != null) {
        out.put(p.getFileName(), p.getInputStream().readAllBytes());
      }
    }
    return out;
  }

  private static String text(MimeMessage m) throws Exception {
    Multipart parts = (Multipart) m.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (p.getFileName() == null && p.isMimeType("text/plain")) {
        return p.getContent().toString();
      }
    }
    throw new AssertionError("no text part");
  }
}
