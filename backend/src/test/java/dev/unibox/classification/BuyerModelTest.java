package dev.unibox.classification;

import static dev.unibox.classification.TrainedModel.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failures the word lists made must not come back: paraphrases and inflections, negation,
 * questions about a policy, the right category. The model is trained on the corpus training split.
 */
class BuyerModelTest {

  @ParameterizedTest(name = "paraphrase: {0}")
  @CsvSource(delimiter = '|', value = {
      "The glass came shattered", "The zipper broke after one day", "You sent me the wrong size",
      "It doesn't work at all", "I want my money back", "收到的杯子碎了", "东西不能用", "要求退钱", "少了一个配件",
      "顏色跟圖片不一樣", "สินค้าไม่ตรงปก", "อยากได้เงินคืน", "Sản phẩm không giống hình", "Barang tak berfungsi",
      "San pham khong giong hinh"})
  void paraphrasedProblemsAreUrgentAfterSale(String text) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.urgent()).as("urgent").isTrue();
    assertThat(j.category().wire()).isEqualTo("after_sale");
  }

  @ParameterizedTest(name = "negation: {0}")
  @CsvSource(delimiter = '|', value = {"Package arrived, nothing is broken, thanks!", "收到了，没有破损，谢谢！",
      "ได้รับแล้ว ไม่มีแตก ขอบคุณค่ะ", "nhận rồi, không bị vỡ, cảm ơn shop!", "dah terima, tak pecah pun, terima kasih!"})
  void negatedProblemsAreNotUrgent(String text) {
    assertThat(MODEL.judge(text).urgent()).as("urgent").isFalse();
  }

  @ParameterizedTest(name = "policy: {0}")
  @CsvSource(delimiter = '|', value = {"What's your refund policy if it doesn't fit? | pre_sale",
      "请问支持七天无理由退货吗？ | pre_sale", "Polisi refund macam mana? | pre_sale",
      "Where is my order? It's been a week. | in_sale"})
  void questionsAboutAPolicyOrAnOrderAreNotUrgent(String text, String category) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.urgent()).as("urgent").isFalse();
    assertThat(j.category().wire()).isEqualTo(category);
  }

  @org.junit.jupiter.api.Test
  void platformSignalsStillWinOverTheModelAndTheModelDecidesTheText() {
    dev.unibox.domain.MessageClassifier classifier = new dev.unibox.domain.MessageClassifier(
        dev.unibox.config.ClassificationRulesLoader.load(java.nio.file.Path.of("../config/classification.yaml")),
        text -> "und", text -> {
          BuyerModel.Judgement j = MODEL.judge(text);
          return new dev.unibox.domain.TextJudge.Verdict(j.urgent() ? dev.unibox.domain.Priority.URGENT
              : dev.unibox.domain.Priority.NORMAL, j.category(), j.confidence());
        });
    var card = classifier.classify("order 2411110001", "return_refund_card");
    assertThat(card.priority()).isEqualTo(dev.unibox.domain.Priority.URGENT);
    assertThat(card.category()).isEqualTo(dev.unibox.domain.Category.AFTER_SALE);
    assertThat(card.confidence()).isEqualTo(1.0);
    // the word lists would call this urgent ("flash sale ending"); for the model it is a pre-sale question
    var promo = classifier.classify("Flash sale ending soon, can I still use the voucher?");
    assertThat(promo.priority()).isEqualTo(dev.unibox.domain.Priority.NORMAL);
    assertThat(promo.confidence()).isBetween(0.5, 1.0);
  }

  @ParameterizedTest(name = "fold: {0}")
  @CsvSource(delimiter = '|', value = {"顏色跟圖片不一樣 | 颜色跟图片不一样", "ＲＥＦＵＮＤ　ｐｌｅａｓｅ | refund please",
      "Sản phẩm hư rồi | sản phẩm hư rồi", "pleeeease!!! | pleease!!",
      // decomposed input (combining marks) composes to the precomposed form buyers usually send
      "Sa\u0309n pha\u0302\u0309m | sản phẩm"})
  void buyerTextIsFolded(String raw, String folded) {
    assertThat(BuyerText.normalize(raw)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "plain: {0}")
  @CsvSource(delimiter = '|', value = {"sản phẩm hư rồi | san pham hu roi", "đổi trả | doi tra", "refund | refund",
      "สินค้าไม่ตรงปก | สินค้าไม่ตรงปก"})
  void plainDropsLatinDiacriticsOnly(String folded, String plain) {
    assertThat(BuyerText.plain(folded)).isEqualTo(plain);
  }

  /**
   * Diacritics tell Vietnamese words apart that are one word without them: "hồng" (pink) is not the
   * question particle "hông", "mà" (but) is not "mã" (code); typed without any, both still match.
   */
  @org.junit.jupiter.api.Test
  void vietnameseWordsTypedWithDiacriticsMatchOnlyTheSameWord() {
    assertThat(Features.of("mình chọn màu hồng").cues()).doesNotContain("s:Q");
    assertThat(Features.of("còn màu hông shop").cues()).contains("s:Q");
    assertThat(Features.of("con mau hong shop").cues()).contains("s:Q");
    assertThat(Features.of("đặt màu đen mà giao màu hồng").cues()).doesNotContain("c:PRESALE");
    assertThat(Features.of("có mã giảm giá không").cues()).contains("c:PRESALE_Q");
  }

  /*
   * Traditional Chinese as written in Taiwan and Hong Kong (Cantonese 唔/冇/咗, English inside) and
   * Vietnamese with and without diacritics and in teen code: cases in the style of the training additions.
   */
  @ParameterizedTest(name = "zh-Hant/vi problem: {0}")
  @CsvSource(delimiter = '|', value = {"個杯收到已經爛咗", "部機開唔到，插咗電都冇反應", "寄錯顏色俾我，我要換貨",
      "等咗兩個禮拜都未收到貨，我要退錢", "藍牙耳機一直連不上，根本不能用", "sp giao tới bị bể r shop ơi",
      "đặt combo 3 mà giao có 2 cái", "may xai 1 ngay la hu roi", "hàng fake r, hoàn tiền cho mình"})
  void zhHantAndVietnameseProblemsAreUrgentAfterSale(String text) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.urgent()).as("urgent").isTrue();
    assertThat(j.category().wire()).isEqualTo("after_sale");
  }

  @ParameterizedTest(name = "zh-Hant/vi negation: {0}")
  @CsvSource(delimiter = '|', value = {"收到咗，冇爛冇花，唔該晒", "包裝完整，沒有任何破損，謝謝", "nhận hàng r, ko bị vỡ j hết",
      "hang ko sao het, cam on shop"})
  void zhHantAndVietnameseDeniedProblemsAreNotUrgent(String text) {
    assertThat(MODEL.judge(text).urgent()).as("urgent").isFalse();
  }

  @ParameterizedTest(name = "zh-Hant/vi policy: {0}")
  @CsvSource(delimiter = '|', value = {"如果收到係爛嘅，可唔可以退錢？", "萬一尺寸不合可以退換嗎？",
      "chính sách đổi trả của shop ntn vậy", "nếu hàng bị lỗi thì shop có hoàn tiền ko"})
  void zhHantAndVietnamesePolicyQuestionsArePreSale(String text) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.urgent()).as("urgent").isFalse();
    assertThat(j.category().wire()).isEqualTo("pre_sale");
  }

  /** A Chinese negation reaches an English word after it; 唔該 ("please") negates nothing. */
  @org.junit.jupiter.api.Test
  void cantoneseNegationsAndWordsThatOnlyLookNegated() {
    assertThat(Features.of("個charger完全唔work").cues()).contains("c:NEG_FUNCTION");
    assertThat(Features.of("唔該快啲退錢俾我").cues()).contains("c:REFUND").doesNotContain("c:NEG_REFUND");
    assertThat(Features.of("冇收到貨").cues()).contains("c:NEG_RECEIVE");
    assertThat(Features.of("ko bị vỡ j hết").cues()).contains("c:NEG_DAMAGE").doesNotContain("c:DAMAGE");
  }

  /** 还是 between two alternatives ends a negation's reach: the second one is stated, not denied. */
  @org.junit.jupiter.api.Test
  void aNegatedAlternativeLeavesTheOtherStated() {
    assertThat(Features.of("另一件是没发还是丢了").cues()).contains("c:MISSING").doesNotContain("c:NEG_MISSING");
    assertThat(MODEL.judge("我拍了三件只到了两件，另一件是没发还是丢了？").urgent()).as("urgent").isTrue();
  }
}
