package dev.unibox.reports;

import static dev.unibox.reports.ReportDatabase.group;
import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversion of pre-sale chats into orders, by hand, in a Shopee shop in Bangkok on 23 and 24 November:
 * an order after a pre-sale chat, a chat without an order, an order without a chat, an order in another shop,
 * an order too late (72 h + 1 min), an after-sale chat followed by an order, a buyer who chatted on both days
 * (the last chat before the order gets it) and an order event delivered twice.
 */
class ConversionReportTest {

  static final String SHOP = "shopee-th";
  static final String OTHER = "shopee-my";
  static final String BKK = "Asia/Bangkok";
  static final LocalDate DAY = LocalDate.parse("2026-11-23");

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-27T00:00:00Z");
  private ReportRows r;
  private long mei;
  private long ali;

  @BeforeEach
  void seed() throws Exception {
    r = data.rows();
    r.shop(SHOP, "shopee", BKK);
    r.shop(OTHER, "shopee", "Asia/Kuala_Lumpur");
    mei = r.agent("mei");
    ali = r.agent("ali");

    // k1: mei answers at 10:02; the buyer orders at 15:00 the same day: converted (mei)
    r.answered(SHOP, "k1", mei, local(BKK, "2026-11-23T10:00:00"), local(BKK, "2026-11-23T10:02:00"));
    r.order(SHOP, "b-k1", "o-1", "UNPAID", local(BKK, "2026-11-23T15:00:00"));
    // the same order's next status, and that event delivered twice: one order
    r.order(SHOP, "b-k1", "o-1", "READY_TO_SHIP", local(BKK, "2026-11-23T15:00:00"));
    r.order(SHOP, "b-k1", "o-1", "READY_TO_SHIP", local(BKK, "2026-11-23T15:00:00"));
    // k2: ali answers at 11:01; no order here, but the same buyer id orders in another shop: not converted
    r.answered(SHOP, "k2", ali, local(BKK, "2026-11-23T11:00:00"), local(BKK, "2026-11-23T11:01:00"));
    r.shopBuyer(OTHER, "b-k2");
    r.order(OTHER, "b-k2", "o-2", "UNPAID", local(BKK, "2026-11-23T12:00:00"));
    // k3: mei answers at 12:05; the order comes 72 h and 1 min later: too late
    r.answered(SHOP, "k3", mei, local(BKK, "2026-11-23T12:00:00"), local(BKK, "2026-11-23T12:05:00"));
    r.order(SHOP, "b-k3", "o-3", "UNPAID", local(BKK, "2026-11-26T12:06:00"));
    // k4: an after-sale chat (a refund) followed by an order: not a pre-sale chat at all
    long k4 = r.conversation(SHOP, "k4", "closed");
    r.category(k4, "after_sale");
    r.in(k4, SHOP, local(BKK, "2026-11-23T13:00:00"));
    r.reply(k4, SHOP, ali, local(BKK, "2026-11-23T13:01:00"));
    r.order(SHOP, "b-k4", "o-4", "UNPAID", local(BKK, "2026-11-23T14:00:00"));
    // k5: mei answers on the 23rd, ali on the 24th at 09:30, the order at 10:00 on the 24th: ali's chat
    long k5 = r.answered(SHOP, "k5", mei, local(BKK, "2026-11-23T16:00:00"), local(BKK, "2026-11-23T16:01:00"));
    r.in(k5, SHOP, local(BKK, "2026-11-24T09:29:00"));
    r.reply(k5, SHOP, ali, local(BKK, "2026-11-24T09:30:00"));
    r.order(SHOP, "b-k5", "o-5", "UNPAID", local(BKK, "2026-11-24T10:00:00"));
    // an order by a buyer who never chatted
    r.order(SHOP, "b-nochat", "o-6", "UNPAID", local(BKK, "2026-11-23T17:00:00"));

    data.sweep();
  }

  private JsonObject report(String groupBy, LocalDate from, LocalDate to) throws Exception {
    return data.report(new ReportFilter(from, to, List.of(SHOP), null, null, null, groupBy));
  }

  @Test
  void conversionByHand() throws Exception {
    assertThat(data.queryLong("SELECT count(*) FROM order_events WHERE order_id = 'o-1'")).as("UNPAID and READY_TO_SHIP; the repeat stored nothing").isEqualTo(2);

    JsonObject day = report("all", DAY, DAY).getJsonObject("total").getJsonObject("conversion");
    // pre-sale chats on the 23rd: k1 k2 k3 k5 (k4 is after-sale); converted: k1 only
    assertThat(day.getLong("preSaleChats")).isEqualTo(4);
    assertThat(day.getLong("converted")).isEqualTo(1);
    assertThat(day.getDouble("rate")).isEqualTo(0.25);

    JsonObject next = report("all", DAY.plusDays(1), DAY.plusDays(1)).getJsonObject("total").getJsonObject("conversion");
    assertThat(next.getLong("preSaleChats")).as("k5 again").isEqualTo(1);
    assertThat(next.getLong("converted")).as("the last chat before the order").isEqualTo(1);

    JsonArray byAgent = report("agent", DAY, DAY.plusDays(1)).getJsonArray("groups");
    JsonObject meiRow = group(byAgent, String.valueOf(mei)).getJsonObject("conversion");
    JsonObject aliRow = group(byAgent, String.valueOf(ali)).getJsonObject("conversion");
    assertThat(meiRow.getLong("preSaleChats")).as("k1 k3 k5").isEqualTo(3);
    assertThat(meiRow.getLong("converted")).as("k1").isEqualTo(1);
    assertThat(aliRow.getLong("preSaleChats")).as("k2, k5 on the 24th").isEqualTo(2);
    assertThat(aliRow.getLong("converted")).as("k5 on the 24th").isEqualTo(1);
    assertThat(aliRow.getDouble("rate")).isEqualTo(0.5);
  }

  @Test
  void anOrderArrivingAfterTheSweepConvertsTheChatAtTheNextSweep() throws Exception {
    r.answered(SHOP, "k7", mei, local(BKK, "2026-11-25T10:00:00"), local(BKK, "2026-11-25T10:01:00"));
    data.clock.advance(Duration.ofSeconds(10));
    data.sweep();
    LocalDate day = LocalDate.parse("2026-11-25");
    assertThat(report("all", day, day).getJsonObject("total").getJsonObject("conversion").getLong("converted")).isZero();

    data.clock.advance(Duration.ofHours(3));
    r.order(SHOP, "b-k7", "o-7", "UNPAID", local(BKK, "2026-11-25T12:00:00"));
    data.clock.advance(Duration.ofSeconds(10));
    data.sweep();

    JsonObject c = report("all", day, day).getJsonObject("total").getJsonObject("conversion");
    assertThat(c.getLong("preSaleChats")).isEqualTo(1);
    assertThat(c.getLong("converted")).isEqualTo(1);
  }
}
