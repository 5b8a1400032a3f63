package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese questions that ask nothing of the seller: "why / how come" (为什么, 怎么会, 点解, 怎么 before anything
 * but a how-to verb) and "??" after a statement are complaints; a space between Chinese words separates
 * clauses as a comma does. The features decide this before any model weighs them.
 */
class ChineseQuestionsTest {

  private static BuyerModel model;

  @BeforeAll
  static void train() {
    model = BuyerModel.train(Corpus.training());
  }

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
    BuyerModel.Judgement j = model.judge(text);
    assertThat(j.urgent()).as("urgent").isTrue();
    assertThat(j.category().wire()).isEqualTo("after_sale");
  }

  @ParameterizedTest(name = "calm: {0}")
  @CsvSource(delimiter = '|', value = {"路上会不会压坏？", "坏了怎么办，能保修吗？", "我的快递怎么还没发货"})
  void worriesAndHowToQuestionsAreNotUrgent(String text) {
    assertThat(model.judge(text).urgent()).as("urgent").isFalse();
  }
}
