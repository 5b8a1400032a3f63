package dev.unibox.classification;

import static dev.unibox.classification.TrainedModel.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese questions that ask nothing of the seller: "why / how come" (为什么, 怎么会, 点解, 怎么 before anything
 * but a how-to verb) and "??" after a statement are complaints; a space between Chinese words separates
 * clauses as a comma does. The features decide this before any model weighs them.
 */
class ChineseQuestionsTest {

  @ParameterizedTest(name = "how come: {0}")
  @CsvSource(delimiter = '|', value = {"为啥寄来的杯子是碎的？ | DAMAGE", "為什麼個鍋是爛的？ | DAMAGE",
      "怎么一插电就跳闸 | FAULT", "怎么寄来个破的？ | DAMAGE", "點解得一隻？少咗一隻 | MISSING"})
  void aWhyOrHowComeClauseStatesTheProblem(String text, String concept) {
    assertThat(Features.of(text).cues()).contains("c:" + concept).doesNotContain("c:" + concept + "_Q");
  }

  @ParameterizedTest(name = "asks: {0}")
  @CsvSource(delimiter = '|', value = {"坏了怎么办？ | DAMAGE", "要是碎了怎么处理？ | DAMAGE", "退货怎么寄回去？ | RETURN",
      "我的快递怎么还没发货 | DELIVERY"})
  void aHowToQuestionStillAsks(String text, String concept) {
    assertThat(Features.of(text).cues()).contains("c:" + concept + "_Q");
  }

  @Test
  void doubleQuestionMarksAfterAChineseStatementAreDisbeliefButNotAfterAQuestion() {
    assertThat(Features.of("打开盒子是空的??").cues()).contains("c:MISSING").doesNotContain("c:MISSING_Q", "s:Q");
    assertThat(Features.of("打开盒子是空的？").cues()).contains("c:MISSING_Q");
    assertThat(Features.of("灰色还有货吗??").cues()).contains("c:PRESALE_Q");
  }

  @Test
  void aSpaceBetweenChineseWordsEndsAClauseButNotBeforeOrAfterAnEnglishWord() {
    // the remedy asked for in the second clause does not turn the stated damage into a question
    assertThat(Features.of("屏幕有条裂痕😭 可唔可以换").cues()).contains("c:DAMAGE", "c:REPLACE_Q")
        .doesNotContain("c:DAMAGE_Q");
    assertThat(Features.of("屏幕有条裂痕😭可唔可以换").cues()).contains("c:DAMAGE_Q");
    assertThat(Features.of("個charger唔 work").cues()).contains("c:NEG_FUNCTION");
  }

  @ParameterizedTest(name = "urgent: {0}")
  @CsvSource(delimiter = '|', value = {"为啥寄来的杯子是碎的？", "怎么一开机就冒烟", "為什麼收到的鞋子是破的？", "打開包裹是空的？？"})
  void complaintsAskedAsWhyAreUrgentAfterSale(String text) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.urgent()).as("urgent").isTrue();
    assertThat(j.category().wire()).isEqualTo("after_sale");
  }

  @ParameterizedTest(name = "calm: {0}")
  @CsvSource(delimiter = '|', value = {"路上会不会压坏？", "坏了怎么办，能保修吗？", "我的快递怎么还没发货"})
  void worriesAndHowToQuestionsAreNotUrgent(String text) {
    assertThat(MODEL.judge(text).urgent()).as("urgent").isFalse();
  }

  @ParameterizedTest(name = "yes/no: {0}")
  @CsvSource(delimiter = '|', value = {"有现货不 | PRESALE", "能便宜点不 | PRESALE", "我的货发了没 | SENT",
      "七天无理由能退不啊 | RETURN"})
  void aClauseEndingInNotAsksAndNegatesNothing(String text, String concept) {
    assertThat(Features.of(text).cues()).contains("s:Q", "c:" + concept + "_Q").doesNotContain("s:NEG")
        .doesNotContain("c:NEG_" + concept);
  }

  @Test
  void aGiftThatIsNotThereIsStillMissing() {
    // 没有 / 木有 at the end of a clause states an absence, it does not ask
    assertThat(Features.of("说好送的赠品木有啊").cues()).contains("s:NEG").doesNotContain("s:Q");
  }

  @Test
  void whatReviewsSayIsHearsayNotTheBuyersOwnProblem() {
    assertThat(Features.of("看评论里有人说收到是坏的，你们现在还有这个问题吗？").cues()).contains("c:DAMAGE_IF");
    assertThat(MODEL.judge("看评论里有人说收到是坏的，你们现在还有这个问题吗？").urgent()).as("urgent").isFalse();
    assertThat(MODEL.judge("睇評價有幾個人話收到爛咗，你哋而家包裝有冇改善？").urgent()).as("urgent").isFalse();
  }

  @ParameterizedTest(name = "wants it back: {0}")
  @CsvSource(delimiter = '|', value = {"你好 鞋子穿起來有點小 想退貨 請問要怎麼寄回", "衣服收到了 质量没毛病 就是我穿上不好看 想退",
      "我要退货，退货地址发我一下，已经打包好了"})
  void wantingToSendItBackIsAnUrgentRequestEvenWhenItAsksHow(String text) {
    assertThat(Features.of(text).cues()).contains("c:DEMAND");
    assertThat(MODEL.judge(text).urgent()).as("urgent").isTrue();
  }

  @ParameterizedTest(name = "no concept: [{0}]")
  @CsvSource(delimiter = '|', value = {"👍", "'' ", "🥰🥰🥰", "在吗"})
  void aMessageThatNamesNoConceptIsNotUrgent(String text) {
    BuyerModel.Judgement j = MODEL.judge(text);
    assertThat(j.hasCue()).isFalse();
    assertThat(j.urgent()).as("urgent").isFalse();
  }

  @Test
  void aMessageWithoutAnyFeatureIsAskedToBeChecked() {
    for (String text : new String[] {"👍", ""}) {
      assertThat(MODEL.judge(text).confidence()).as("confidence of [%s], below the check-urgency line", text)
          .isLessThan(dev.unibox.domain.Classification.CHECK_BELOW);
    }
  }
}
