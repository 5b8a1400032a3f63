package dev.unibox.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped word lists against replies in each language: what is flagged, how, and what is not. */
class ComplianceRulesTest {

  private static final RuleSet SHOPEE = ShippedRules.shopee();
  private static final RuleSet TMALL = ShippedRules.compiled("tmall", null);

  static Stream<Arguments> flagged() {
    return Stream.of(
        // absolute terms (advertising law), one per language, and the seed's landmark terms
        Arguments.of("zh", "这款是全网最低价，放心买", "absolute", "superlative", "最低价", Action.BLOCK),
        Arguments.of("zh", "这是史上最低价了", "absolute", "superlative", "史上最低价", Action.BLOCK),
        Arguments.of("zh", "我们是国家级品质", "absolute", "grade", "国家级", Action.BLOCK),
        Arguments.of("zh", "行业第一的品牌", "absolute", "first_only", "第一", Action.BLOCK),
        Arguments.of("zh", "这是唯一的正品渠道", "absolute", "first_only", "唯一", Action.BLOCK),
        Arguments.of("zh", "顶级面料", "absolute", "extreme", "顶级", Action.WARN),
        Arguments.of("zh", "恭喜获奖，点击领奖", "absolute", "fraud", "恭喜获奖", Action.BLOCK),
        Arguments.of("zh", "再不抢就没了哦", "absolute", "inducement", "再不抢就没了", Action.BLOCK),
        Arguments.of("zh-Hant", "我們是國家級品質", "absolute", "grade", "國家級", Action.BLOCK),
        Arguments.of("en", "This is the best price you will find", "absolute", "superlative", "the best", Action.BLOCK),
        Arguments.of("en", "We are number one in Malaysia", "absolute", "first_only", "number one", Action.BLOCK),
        Arguments.of("en", "Our ＮＯ．１ seller", "absolute", "first_only", "ＮＯ．１", Action.BLOCK),
        Arguments.of("en", "Lowest price ever, buy now", "absolute", "inducement", "Lowest price ever", Action.BLOCK),
        Arguments.of("th", "ราคาถูกที่สุดในตลาด", "absolute", "superlative", "ราคาถูกที่สุด", Action.BLOCK),
        Arguments.of("th", "สินค้าระดับโลก", "absolute", "grade", "ระดับโลก", Action.BLOCK),
        Arguments.of("vi", "Đây là giá rẻ nhất rồi bạn", "absolute", "superlative", "giá rẻ nhất", Action.BLOCK),
        Arguments.of("vi", "Hàng đẳng cấp thế giới", "absolute", "grade", "đẳng cấp thế giới", Action.BLOCK),
        Arguments.of("ms", "Ini harga terendah untuk anda", "absolute", "superlative", "harga terendah", Action.BLOCK),
        Arguments.of("ms", "Produk bertaraf dunia", "absolute", "grade", "bertaraf dunia", Action.BLOCK),
        // confrontational language (Kuaishou): rhetorical, interrogating, buck-passing
        Arguments.of("zh", "你到底想怎样？", "confrontational", "rhetorical", "你到底想怎样", Action.WARN),
        Arguments.of("zh", "什么？", "confrontational", "rhetorical", "什么？", Action.WARN),
        Arguments.of("zh", "不是告诉你了么？看详情页", "confrontational", "interrogating", "不是告诉你了么", Action.WARN),
        Arguments.of("zh", "不知道！", "confrontational", "buck_passing", "不知道", Action.WARN),
        Arguments.of("zh", "这个不关我的事", "confrontational", "buck_passing", "不关我的事", Action.WARN),
        Arguments.of("en", "What do you want?", "confrontational", "rhetorical", "What do you want", Action.WARN),
        Arguments.of("en", "I already told you, read the page", "confrontational", "interrogating", "I already told you",
            Action.WARN),
        Arguments.of("en", "Not my problem.", "confrontational", "buck_passing", "Not my problem", Action.WARN),
        Arguments.of("th", "ก็บอกแล้วไง", "confrontational", "interrogating", "ก็บอกแล้วไง", Action.WARN),
        Arguments.of("th", "ไม่รู้ ถามคนอื่น", "confrontational", "buck_passing", "ไม่รู้", Action.WARN),
        Arguments.of("vi", "Tôi đã nói rồi mà", "confrontational", "interrogating", "Tôi đã nói rồi mà", Action.WARN),
        Arguments.of("vi", "Không phải việc của tôi", "confrontational", "buck_passing", "Không phải việc của tôi",
            Action.WARN),
        Arguments.of("ms", "Kan saya dah cakap tadi", "confrontational", "interrogating", "Kan saya dah cakap",
            Action.WARN),
        Arguments.of("ms", "Itu bukan urusan saya", "confrontational", "buck_passing", "bukan urusan saya", Action.WARN),
        // platform-banned phrases (every platform, then Shopee's own)
        Arguments.of("zh", "加我微信，私下便宜点", "platform", "off_platform", "加我微信", Action.BLOCK),
        Arguments.of("en", "Just whatsapp me", "platform", "off_platform", "whatsapp me", Action.BLOCK),
        Arguments.of("th", "แอดไลน์มาคุยกันค่ะ", "platform", "off_platform", "แอดไลน์", Action.BLOCK),
        Arguments.of("vi", "Kết bạn Zalo nhé", "platform", "off_platform", "Kết bạn Zalo", Action.BLOCK),
        Arguments.of("ms", "Boleh bayar di luar Shopee", "platform", "shopee_payment", "bayar di luar Shopee",
            Action.BLOCK),
        Arguments.of("zh", "五星好评返现5元", "platform", "review_manipulation", "五星好评返现", Action.BLOCK));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("flagged")
  void flagsTheTermWithTheShopsAction(String language, String reply, String rule, String group, String matched,
                                      Action action) {
    Inspection inspection = SHOPEE.inspect(reply, List.of());
    assertThat(inspection.findings()).as(reply).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo(rule);
      assertThat(f.group()).isEqualTo(group);
      assertThat(f.matched()).isEqualTo(matched);
      assertThat(reply.substring(f.start(), f.end())).isEqualTo(matched);
      assertThat(f.action()).isEqualTo(action);
    });
  }

  static Stream<Arguments> clean() {
    return Stream.of(
        Arguments.of("zh", "我们会第一时间为您处理，最近发货有点慢，最快明天到"),
        Arguments.of("zh", "不知道您方便提供一下订单号吗？"),
        Arguments.of("zh", "亲，这款已经售罄了，给您推荐同款其他颜色"),
        Arguments.of("zh", "王先生您好，至少需要两天"),
        Arguments.of("en", "Best regards, and we will do our best to ship it today"),
        Arguments.of("en", "I don't know the exact date yet, let me check with the courier"),
        Arguments.of("en", "He will bestow a discount code on you"),
        Arguments.of("en", "You will get a 100% refund"),
        Arguments.of("th", "เราจะจัดส่งให้เร็วที่สุดค่ะ"),
        Arguments.of("vi", "Shop sẽ giao sớm nhất có thể"),
        Arguments.of("ms", "Kami akan cuba sebaik mungkin"));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("clean")
  void leavesOrdinaryServiceLanguageAlone(String language, String reply) {
    assertThat(SHOPEE.inspect(reply, List.of()).findings()).as(reply).isEmpty();
  }

  @Test
  void aBlockingFindingCanBeOverriddenOnlyWherePolicyAllows() {
    Inspection absolute = SHOPEE.inspect("最好的选择", List.of());
    assertThat(absolute.blocked()).isTrue();
    assertThat(absolute.overridable()).isTrue();
    assertThat(absolute.findings().get(0).fix()).isEqualTo("很好");
    assertThat(absolute.findings().get(0).hint()).contains("concretely");

    Inspection platform = SHOPEE.inspect("加我微信吧", List.of());
    assertThat(platform.blocked()).isTrue();
    assertThat(platform.overridable()).isFalse();

    Inspection both = SHOPEE.inspect("最好加我微信", List.of());
    assertThat(both.blocked()).isTrue();
    assertThat(both.overridable()).as("one blocking finding that cannot be overridden decides").isFalse();

    Inspection warnOnly = SHOPEE.inspect("顶级面料，你想怎样", List.of());
    assertThat(warnOnly.flagged()).isTrue();
    assertThat(warnOnly.blocked()).isFalse();
  }

  @Test
  void theLongestTermOfARuleWinsAndPositionsAreOrdered() {
    Inspection i = SHOPEE.inspect("史上最低价，你想怎样", List.of());
    assertThat(i.findings()).extracting(Finding::term).containsExactly("史上最低价", "你想怎样");
    assertThat(i.findings().get(0).start()).isZero();
    assertThat(i.findings().get(0).end()).isEqualTo(5);
  }

  @Test
  void theSameCannedTextToTheSameBuyerIsFlaggedAsRepeated() {
    String canned = "Thanks for waiting, we are checking your order.";
    assertThat(SHOPEE.inspect(canned, List.of("Something else entirely")).flagged()).isFalse();
    Inspection again = SHOPEE.inspect(canned, List.of("thanks for waiting — we are checking your order!"));
    assertThat(again.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("repeated");
      assertThat(f.action()).isEqualTo(Action.WARN);
      assertThat(f.start()).isZero();
      assertThat(f.end()).isEqualTo(canned.length());
      assertThat(f.hint()).contains("1 time");
    });
    assertThat(SHOPEE.inspect("好的", List.of("好的")).flagged()).as("too short to be a canned text").isFalse();
  }

  @Test
  void platformFilesAddTheirOwnBans() {
    assertThat(TMALL.inspect("特价商品不开发票哦", List.of()).findings())
        .anySatisfy(f -> assertThat(f.group()).isEqualTo("tmall_invoice"));
    assertThat(TMALL.inspect("我帮您关闭交易吧", List.of()).blocked()).isTrue();
    assertThat(SHOPEE.inspect("特价商品不开发票哦", List.of()).findings()).as("a Tmall rule, not Shopee's").isEmpty();
  }

  @Test
  void aShopDocumentOverridesThePolicyOfAGroup() throws Exception {
    JsonNode shop = QualityDocuments.YAML.readTree("""
        policy:
          absolute.superlative: {action: warn}
          confrontational: {action: off}
          platform.off_platform: {action: block, override: true}
        rules:
          absolute:
            superlative:
              terms: {en: [unbeatable]}
        allow:
          zh: [最好的朋友]
        """);
    assertThat(QualityDocuments.validate(shop, "shop")).isEmpty();
    RuleSet rules = RuleSet.compile(QualityDocuments.merge(ShippedRules.merged("shopee", null), shop));
    assertThat(rules.inspect("最低价", List.of()).findings()).singleElement()
        .satisfies(f -> assertThat(f.action()).isEqualTo(Action.WARN));
    assertThat(rules.inspect("国家级", List.of()).blocked()).as("other groups keep the rule's block").isTrue();
    assertThat(rules.inspect("你到底想怎样", List.of()).flagged()).isFalse();
    assertThat(rules.inspect("加我微信", List.of()).overridable()).isTrue();
    assertThat(rules.inspect("an unbeatable deal", List.of()).findings()).singleElement()
        .satisfies(f -> assertThat(f.term()).isEqualTo("unbeatable"));
    assertThat(rules.inspect("你是我最好的朋友", List.of()).flagged()).isFalse();
  }

  @Test
  void everyShippedDocumentIsValidAndTheListsAreLarge() throws Exception {
    for (String file : List.of("global.yaml", "platforms/shopee.yaml", "platforms/tmall.yaml", "shops/shopee-my-01.yaml")) {
      assertThat(QualityDocuments.validate(QualityDocuments.readYaml(ShippedRules.DIR.resolve(file)), file))
          .as(file).isEmpty();
    }
    assertThat(SHOPEE.termCount()).isGreaterThan(700);
    assertThat(ShippedRules.merged("shopee", null).path("rules").path("absolute").size()).isEqualTo(22);
  }

  @Test
  void validationListsEveryProblem() throws Exception {
    JsonNode bad = QualityDocuments.YAML.readTree("""
        policy:
          absolute: {action: forbid}
          Bad Key: {action: warn}
        rules:
          absolute:
            superlative:
              terms: {en: ["   "], zh: "not a list"}
        spam:
          threshold: 0
          patterns: ["([unclosed"]
        autoReplies:
          businessHours: {days: weekdays, open: "9am"}
          surge: {enabled: yes please, afterSeconds: 0}
        variables:
          trackingLink: "ftp://x"
        colours: {}
        """);
    List<String> problems = QualityDocuments.validate(bad, "doc");
    assertThat(problems).anyMatch(p -> p.contains("doc.policy.absolute.action"))
        .anyMatch(p -> p.contains("Bad Key"))
        .anyMatch(p -> p.contains("empty term"))
        .anyMatch(p -> p.contains("terms.zh: must be a list"))
        .anyMatch(p -> p.contains("spam.threshold"))
        .anyMatch(p -> p.contains("patterns[0]"))
        .anyMatch(p -> p.contains("businessHours.days"))
        .anyMatch(p -> p.contains("businessHours.open"))
        .anyMatch(p -> p.contains("surge.enabled"))
        .anyMatch(p -> p.contains("surge.afterSeconds"))
        .anyMatch(p -> p.contains("trackingLink"))
        .anyMatch(p -> p.contains("unknown section 'colours'"));
  }
}
