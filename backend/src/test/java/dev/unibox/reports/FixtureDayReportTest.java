package dev.unibox.reports;

import static dev.unibox.reports.ReportDatabase.group;
import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One seeded day (Monday 2026-11-23) in three shops in three time zones, every figure computed by hand in
 * the comments: auto-replies and spam left out, Pinduoduo's 08:00-23:00 window in shop time, a wait across
 * midnight, a buyer writing again after being answered, a transfer mid-wait, a day boundary that differs
 * from UTC's.
 */
class FixtureDayReportTest {

  static final String PDD = "pdd-1";
  static final String SH = "Asia/Shanghai";
  static final String SHOPEE = "shopee-th";
  static final String BKK = "Asia/Bangkok";
  static final String TIKTOK = "tiktok-us";
  static final String LA = "America/Los_Angeles";
  static final LocalDate DAY = LocalDate.parse("2026-11-23");

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-26T00:00:00Z");
  private long mei;
  private long ali;

  @BeforeEach
  void seed() throws Exception {
    ReportRows r = data.rows();
    r.shop(PDD, "pinduoduo", SH);
    r.shop(SHOPEE, "shopee", BKK);
    r.shop(TIKTOK, "tiktok", LA);
    mei = r.agent("mei");
    ali = r.agent("ali");

    // c1 07:50, before Pinduoduo's window; mei answers in 180 s
    r.answered(PDD, "c1", mei, local(SH, "2026-11-23T07:50:00"), local(SH, "2026-11-23T07:53:00"));
    // c2 09:00, an auto-reply at +5 s does not count, mei at +240 s; the buyer writes twice more at 10:00
    // and 10:00:30 and mei answers at 10:01 (a second wait of 60 s, not a first response); solved, rated satisfied
    long c2 = r.conversation(PDD, "c2", "closed");
    r.in(c2, PDD, local(SH, "2026-11-23T09:00:00"));
    r.autoReply(c2, PDD, local(SH, "2026-11-23T09:00:05"));
    r.reply(c2, PDD, mei, local(SH, "2026-11-23T09:04:00"));
    r.in(c2, PDD, local(SH, "2026-11-23T10:00:00"));
    r.in(c2, PDD, local(SH, "2026-11-23T10:00:30"));
    r.reply(c2, PDD, mei, local(SH, "2026-11-23T10:01:00"));
    r.activity(c2, "closed", mei, null, local(SH, "2026-11-23T10:05:00"));
    r.rating(c2, PDD, mei, "satisfied", null, local(SH, "2026-11-23T10:06:00"));
    // c3 12:00, transferred from mei to ali at 12:02, ali answers at 12:06:40: 400 s from the buyer's message
    long c3 = r.conversation(PDD, "c3", "closed");
    r.in(c3, PDD, local(SH, "2026-11-23T12:00:00"));
    r.activity(c3, "transferred", mei, ali, local(SH, "2026-11-23T12:02:00"));
    r.reply(c3, PDD, ali, local(SH, "2026-11-23T12:06:40"));
    r.rating(c3, PDD, ali, "dissatisfied", "bad_attitude", local(SH, "2026-11-23T12:30:00"));
    // c4 spam: left out of everything but the spam count
    long c4 = r.conversation(PDD, "c4", "spam");
    r.in(c4, PDD, local(SH, "2026-11-23T13:00:00"));
    // c5 23:58, after the window, answered across midnight at 00:03 (300 s, counted on the 23rd)
    r.answered(PDD, "c5", mei, local(SH, "2026-11-23T23:58:00"), local(SH, "2026-11-24T00:03:00"));
    // c6 22:00, never answered
    long c6 = r.conversation(PDD, "c6", "closed");
    r.in(c6, PDD, local(SH, "2026-11-23T22:00:00"));

    // Shopee (Bangkok, UTC+7): s1 01:00 auto-reply, ali after 8 h (inside 12 h); s2 10:00 auto-reply only;
    // s3 began on the 22nd at 23:59 and mei answered at 00:01 on the 23rd (a first response of the 22nd)
    long s1 = r.conversation(SHOPEE, "s1", "closed");
    r.in(s1, SHOPEE, local(BKK, "2026-11-23T01:00:00"));
    r.autoReply(s1, SHOPEE, local(BKK, "2026-11-23T01:00:02"));
    r.reply(s1, SHOPEE, ali, local(BKK, "2026-11-23T09:00:00"));
    long s2 = r.conversation(SHOPEE, "s2", "closed");
    r.in(s2, SHOPEE, local(BKK, "2026-11-23T10:00:00"));
    r.autoReply(s2, SHOPEE, local(BKK, "2026-11-23T10:00:03"));
    r.answered(SHOPEE, "s3", mei, local(BKK, "2026-11-22T23:59:00"), local(BKK, "2026-11-23T00:01:00"));

    // TikTok (Los Angeles): 20:00 on the 23rd there is 04:00 UTC on the 24th; mei answers in 45 s
    r.answered(TIKTOK, "t1", mei, local(LA, "2026-11-23T20:00:00"), local(LA, "2026-11-23T20:00:45"));

    assertThat(data.sweep().conversations()).as("6 + 3 + 1 conversations").isEqualTo(10);
  }

  private JsonObject report(List<String> shops, String groupBy, Long agent, LocalDate from, LocalDate to) throws Exception {
    return data.report(new ReportFilter(from, to, shops, null, null, agent, groupBy));
  }

  private JsonObject pddDay() throws Exception {
    return report(List.of(PDD), "all", null, DAY, DAY).getJsonObject("total");
  }

  @Test
  void pinduoduoDayByHand() throws Exception {
    JsonObject d = pddDay();
    // first waits of the day: c1 c2 c3 c5 c6 (c4 is spam)
    assertThat(d.getLong("conversations")).isEqualTo(5);
    assertThat(d.getLong("spamExcluded")).isEqualTo(1);
    assertThat(d.getLong("buyers")).isEqualTo(5);
    // c1 1, c2 3, c3 1, c5 1, c6 1; c4's is spam
    assertThat(d.getLong("messagesIn")).isEqualTo(7);
    // c1, c2 twice, c3; c5's answer is on the 24th
    assertThat(d.getLong("messagesOut")).isEqualTo(4);
    assertThat(d.getLong("autoReplies")).isEqualTo(1);

    JsonObject first = d.getJsonObject("firstResponse");
    // 180 (c1), 240 (c2), 400 (c3), 300 (c5); c6 unanswered
    assertThat(first.getLong("answered")).isEqualTo(4);
    assertThat(first.getLong("unanswered")).isEqualTo(1);
    assertThat(first.getDouble("averageSeconds")).isEqualTo(280.0);
    assertThat(first.getLong("medianSeconds")).as("2nd of 180 240 300 400, bucket <= 240").isEqualTo(240);
    assertThat(first.getLong("p90Seconds")).as("4th: 400, bucket <= 420").isEqualTo(420);
    assertThat(first.getDouble("within60Rate")).isEqualTo(0.0);
    assertThat(first.getDouble("within120Rate")).isEqualTo(0.0);
    assertThat(first.getDouble("within300Rate")).as("180 240 300 of 5").isEqualTo(0.6);

    JsonObject replies = d.getJsonObject("replies");
    // waits: c1, c2 (twice), c3, c5, c6 = 6; answered 60 180 240 300 400
    assertThat(replies.getLong("waits")).isEqualTo(6);
    assertThat(replies.getLong("answered")).isEqualTo(5);
    assertThat(replies.getLong("autoReplied")).isEqualTo(1);
    assertThat(replies.getDouble("averageSeconds")).isEqualTo(236.0);
    assertThat(replies.getLong("medianSeconds")).isEqualTo(240);
    assertThat(replies.getLong("p90Seconds")).isEqualTo(420);
    assertThat(replies.getDouble("within60Rate")).isEqualTo(1.0 / 6);
    assertThat(replies.getDouble("within300Rate")).isEqualTo(4.0 / 6);

    // 08:00-23:00 shop time: c2 (met), c3 (400 s: missed), c6 (unanswered); c1 07:50 and c5 23:58 are outside
    JsonObject platform = d.getJsonObject("platform");
    assertThat(platform.getLong("counted")).isEqualTo(3);
    assertThat(platform.getLong("met")).isEqualTo(1);

    assertThat(d.getLong("resolved")).isEqualTo(1);
    assertThat(d.getDouble("resolutionRate")).isEqualTo(0.2);
    assertThat(d.getLong("transfers")).isEqualTo(1);
    JsonObject sat = d.getJsonObject("satisfaction");
    assertThat(sat.getDouble("rate")).isEqualTo(0.5);
    assertThat(sat.getDouble("badAttitudeRate")).isEqualTo(1.0);
  }

  @Test
  void perAgentTheWaitBelongsToWhoAnsweredItAfterATransfer() throws Exception {
    JsonObject byAgent = report(List.of(PDD), "agent", null, DAY, DAY);
    var groups = byAgent.getJsonArray("groups");
    JsonObject meiRow = group(groups, String.valueOf(mei));
    JsonObject aliRow = group(groups, String.valueOf(ali));
    JsonObject shopRow = group(groups, "0");
    assertThat(meiRow.getString("label")).isEqualTo("mei");
    assertThat(meiRow.getLong("conversations")).as("c1 c2 c5").isEqualTo(3);
    assertThat(aliRow.getLong("conversations")).as("c3, transferred to ali mid-wait").isEqualTo(1);
    assertThat(aliRow.getJsonObject("firstResponse").getDouble("averageSeconds")).isEqualTo(400.0);
    assertThat(aliRow.getLong("transfers")).isEqualTo(1);
    assertThat(aliRow.getJsonObject("satisfaction").getLong("badAttitude")).isEqualTo(1);
    assertThat(shopRow.getLong("conversations")).as("c6, unanswered").isEqualTo(1);
    assertThat(shopRow.getLong("messagesIn")).isEqualTo(7);

    JsonObject onlyMei = report(List.of(PDD), "all", mei, DAY, DAY).getJsonObject("total");
    assertThat(onlyMei.getLong("conversations")).isEqualTo(3);
    assertThat(onlyMei.getJsonObject("replies").getLong("answered")).as("180 240 60 300").isEqualTo(4);
  }

  @Test
  void shopeeCountsTwelveHoursWithoutAutoRepliesAndEachShopUsesItsOwnDay() throws Exception {
    JsonObject byShop = report(List.of(PDD, SHOPEE, TIKTOK), "shop", null, DAY, DAY);
    JsonObject shopee = group(byShop.getJsonArray("groups"), SHOPEE);
    // s1 and s2 begin on the 23rd in Bangkok; s3 began on the 22nd
    assertThat(shopee.getLong("conversations")).isEqualTo(2);
    assertThat(shopee.getLong("messagesOut")).as("ali's s1 answer and mei's s3 answer after midnight").isEqualTo(2);
    assertThat(shopee.getLong("autoReplies")).isEqualTo(2);
    assertThat(shopee.getJsonObject("platform").getLong("counted")).isEqualTo(2);
    assertThat(shopee.getJsonObject("platform").getLong("met")).as("8 h counts, the auto-reply alone does not").isEqualTo(1);
    assertThat(shopee.getJsonObject("firstResponse").getDouble("within300Rate")).isEqualTo(0.0);

    JsonObject tiktok = group(byShop.getJsonArray("groups"), TIKTOK);
    assertThat(tiktok.getLong("conversations")).as("20:00 in Los Angeles is still the 23rd there").isEqualTo(1);
    assertThat(tiktok.getJsonObject("firstResponse").getDouble("within60Rate")).isEqualTo(1.0);
    assertThat(byShop.getJsonObject("total").getLong("conversations")).isEqualTo(5 + 2 + 1);

    JsonObject day22 = report(List.of(SHOPEE), "all", null, DAY.minusDays(1), DAY.minusDays(1)).getJsonObject("total");
    assertThat(day22.getLong("conversations")).isEqualTo(1);
    assertThat(day22.getJsonObject("firstResponse").getLong("medianSeconds")).isEqualTo(120);
    JsonObject pdd24 = report(List.of(PDD), "all", null, DAY.plusDays(1), DAY.plusDays(1)).getJsonObject("total");
    assertThat(pdd24.getLong("conversations")).isZero();
    assertThat(pdd24.getLong("messagesOut")).as("c5's answer after midnight").isEqualTo(1);

    JsonObject byDay = report(List.of(PDD, SHOPEE, TIKTOK), "day", null, DAY.minusDays(1), DAY.plusDays(1));
    assertThat(byDay.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("key")).toList())
        .containsExactly("2026-11-22", "2026-11-23", "2026-11-24");
    assertThat(byDay.getJsonObject("total").getLong("conversations")).isEqualTo(9);
  }

  @Test
  void aSecondSweepChangesNothingAndALateReplyUpdatesTheDay() throws Exception {
    String before = snapshot();
    data.clock.set(Instant.parse("2026-11-26T00:00:10Z"));
    data.sweep();
    assertThat(snapshot()).isEqualTo(before);

    // c6 is answered days later: the 23rd's figures change, nothing is counted twice
    long c6 = data.queryLong("SELECT id FROM conversations WHERE platform_conversation_id = 'c6'");
    data.rows().reply(c6, PDD, ali, local(SH, "2026-11-25T09:00:00"));
    data.clock.set(Instant.parse("2026-11-26T00:00:20Z"));
    assertThat(data.sweep().conversations()).as("c6 among those read again").isPositive();
    JsonObject d = pddDay();
    assertThat(d.getLong("conversations")).isEqualTo(5);
    assertThat(d.getJsonObject("firstResponse").getLong("answered")).isEqualTo(5);
    assertThat(d.getJsonObject("platform").getLong("met")).isEqualTo(1);
  }

  private String snapshot() throws Exception {
    return PropertyRollupTest.snapshot(data.pool());
  }
}
