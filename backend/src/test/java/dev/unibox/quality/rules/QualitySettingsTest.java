package dev.unibox.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spam recognition, satisfaction answers, auto-reply settings and quick-reply texts from the shipped files. */
class QualitySettingsTest {

  private static final RuleSet SHOPEE = ShippedRules.shopee();

  @Test
  void spamNeedsTwoSignalsOrALinkShortenerInEachLanguage() {
    assertThat(SHOPEE.spam().classify("加微信，日赚500，轻松月入过万").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("Work from home and earn money fast!!").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("รายได้เสริม งานออนไลน์ สนใจทักไลน์").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("Việc nhẹ lương cao, kiếm tiền online").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("Kerja sambilan, pendapatan lumayan").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("free gift here bit.ly/3xYz12").spam()).isTrue();
    assertThat(SHOPEE.spam().classify("aaaaaaaaaaaaaaaaaaaa").spam()).isTrue();

    SpamRules.Verdict one = SHOPEE.spam().classify("你们招兼职吗？");
    assertThat(one.spam()).as("one advertising word is not enough").isFalse();
    assertThat(one.score()).isEqualTo(1);
    assertThat(SHOPEE.spam().classify("Hi, my parcel is damaged, can I get a refund?").spam()).isFalse();
    assertThat(SHOPEE.spam().classify("我的订单什么时候发货").score()).isZero();
  }

  @Test
  void satisfactionAnswersAreReadInEachLanguageWithTheirReason() {
    SatisfactionSettings s = SHOPEE.satisfaction();
    assertThat(s.read("1")).contains(new SatisfactionSettings.Rating("satisfied", null));
    assertThat(s.read("满意，谢谢")).contains(new SatisfactionSettings.Rating("satisfied", null));
    assertThat(s.read("3 态度差")).contains(new SatisfactionSettings.Rating("dissatisfied", "bad_attitude"));
    assertThat(s.read("不满意，客服态度不好")).contains(new SatisfactionSettings.Rating("dissatisfied", "bad_attitude"));
    assertThat(s.read("2 - slow")).contains(new SatisfactionSettings.Rating("neutral", "slow_reply"));
    assertThat(s.read("Dissatisfied, the agent was rude")).contains(new SatisfactionSettings.Rating("dissatisfied", "bad_attitude"));
    assertThat(s.read("ไม่พอใจ ไม่สุภาพ")).contains(new SatisfactionSettings.Rating("dissatisfied", "bad_attitude"));
    assertThat(s.read("không hài lòng, thái độ kém")).contains(new SatisfactionSettings.Rating("dissatisfied", "bad_attitude"));
    assertThat(s.read("tidak puas hati")).contains(new SatisfactionSettings.Rating("dissatisfied", null));
    assertThat(s.read("12 pieces please")).isEmpty();
    assertThat(s.read("where is my parcel?")).isEmpty();
    assertThat(s.validHours()).isEqualTo(72);
    assertThat(s.invite()).containsKeys("en", "zh", "th", "vi", "ms");
  }

  @Test
  void autoRepliesOfAShopAndShopeesLimit() throws Exception {
    AutoReplySettings a = SHOPEE.autoReplies();
    assertThat(a.anyEnabled()).as("shipped off; a shop turns them on").isFalse();
    assertThat(a.greeting().text()).containsKeys("en", "zh", "th", "vi", "ms");
    assertThat(a.surge().afterSeconds()).isEqualTo(90);
    assertThat(a.limitMax()).isEqualTo(1);
    assertThat(a.limitPerHours()).isEqualTo(24);
    assertThat(a.defaultLanguage()).isEqualTo("ms");
    AutoReplySettings global = ShippedRules.compiled("lazada", null).autoReplies();
    assertThat(global.anyEnabled()).as("off unless a shop turns them on").isFalse();
    assertThat(global.limited()).isFalse();
  }

  @Test
  void businessHoursInTheShopsZone() {
    ZoneId kl = ZoneId.of("Asia/Kuala_Lumpur");
    BusinessHours day = new BusinessHours(BusinessHours.parseDays("mon-fri"), LocalTime.of(9, 0), LocalTime.of(18, 0));
    assertThat(day.isOpen(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, kl))).isTrue(); // Monday
    assertThat(day.isOpen(ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, kl))).isFalse();
    assertThat(day.isOpen(ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, kl))).isFalse(); // Sunday
    BusinessHours night = new BusinessHours(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(2, 0));
    assertThat(night.isOpen(ZonedDateTime.of(2026, 11, 28, 1, 0, 0, 0, kl))).as("Saturday 01:00 = Friday night").isTrue();
    assertThat(night.isOpen(ZonedDateTime.of(2026, 11, 27, 1, 0, 0, 0, kl))).isFalse();
    assertThat(BusinessHours.parseDays("fri-mon")).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
        DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(BusinessHours.parseDays("none")).isEmpty();
    assertThat(BusinessHours.parseDays("weekdays")).isNull();
    assertThat(day.describe()).isEqualTo("mon-fri 09:00-18:00");
  }

  @Test
  void quickReplyTextsPickTheLanguageAndFillTheVariables() {
    Map<String, String> variants = Map.of("en", "Hi {buyerName}, order {orderNumber}: {trackingLink}",
        "zh", "您好{buyerName}，您的订单{orderNumber}已发货");
    assertThat(Texts.pick(variants, "en", "en").text()).startsWith("Hi");
    assertThat(Texts.pick(variants, "zh-Hant", "en").text()).isEqualTo("您好{buyerName}，您的訂單{orderNumber}已發貨");
    assertThat(Texts.pick(variants, "th", "zh").language()).isEqualTo("zh");
    Texts.Rendered r = Texts.render(variants.get("en"), Map.of("buyerName", "siti.a", "orderNumber", "231123ABCD1234"));
    assertThat(r.text()).isEqualTo("Hi siti.a, order 231123ABCD1234: {trackingLink}");
    assertThat(r.missing()).containsExactly("trackingLink");
    assertThat(SHOPEE.orderNumber(List.of("no number here", "my order 231123ABCD1234 and 231124WXYZ0001 please")))
        .isEqualTo("231124WXYZ0001");
    assertThat(SHOPEE.trackingLink("231123ABCD1234")).isEqualTo("https://track.example.com/231123ABCD1234");
  }
}
