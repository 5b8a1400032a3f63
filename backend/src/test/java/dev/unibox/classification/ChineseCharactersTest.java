package dev.unibox.classification;

import static dev.unibox.classification.TrainedModel.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese text is judged by the urgency model that also weighs its characters: complaints the cues alone
 * weigh too little are urgent, calm messages the cues alone raise are calm, text without Chinese stays with
 * the cue model, and a model stored before the Chinese model existed still loads and judges with its cues.
 */
class ChineseCharactersTest {

  /** The same trained model without its Chinese urgency model: what the cues alone say. */
  private static final BuyerModel CUES_ALONE = BuyerModel.fromBytes(firstTwo(MODEL.toBytes()));

  @ParameterizedTest(name = "urgent: {0}")
  @CsvSource({"配的遥控器没有啊，这怎么用", "这也能叫新的？外壳全是划痕", "快递员说放门口了 我家门口啥子都莫得"})
  void complaintsTheCuesAloneMissAreUrgentByTheirCharacters(String text) {
    assertThat(CUES_ALONE.judge(text).urgent()).as("the cues alone").isFalse();
    assertThat(MODEL.judge(text).urgent()).as("with the characters").isTrue();
  }

  @ParameterizedTest(name = "calm: {0}")
  @CsvSource({"我自己手滑摔碎了 不怪你们 就问下盖子能单独买不", "衣服收到了，没色差跟图片一样好看，yyds"})
  void calmMessagesTheCuesAloneRaiseAreCalmByTheirCharacters(String text) {
    assertThat(CUES_ALONE.judge(text).urgent()).as("the cues alone").isTrue();
    assertThat(MODEL.judge(text).urgent()).as("with the characters").isFalse();
  }

  @Test
  void textWithoutChineseIsJudgedByTheCueModelAlone() {
    Features.Bag bag = Features.of("the glass came shattered");
    assertThat(bag.chinese()).isFalse();
    assertThat(bag.scoredCuesAndHan()).isSameAs(bag.scoredCues());
    Features.Bag mixed = Features.of("个charger唔work");
    assertThat(mixed.chinese()).isTrue();
    assertThat(mixed.cuesAndHan()).contains("h:个").doesNotContain("h:c");
  }

  @Test
  void aModelStoredWithTwoModelsStillLoadsAndJudgesWithItsCues() {
    String text = "配的遥控器没有啊，这怎么用";
    assertThat(CUES_ALONE.judge(text).confidence()).isNotEqualTo(MODEL.judge(text).confidence());
    assertThat(CUES_ALONE.judge("收到的杯子碎了，我要退款").urgent()).isTrue();
    assertThat(BuyerModel.fromBytes(MODEL.toBytes()).judge(text).confidence())
        .isEqualTo(MODEL.judge(text).confidence());
  }

  /** The stored form before the Chinese model: the cue model and the category model, each length-prefixed. */
  private static byte[] firstTwo(byte[] stored) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DataOutputStream data = new DataOutputStream(out);
      for (int i = 0; i < 2; i++) {
        byte[] one = new byte[in.readInt()];
        in.readFully(one);
        data.writeInt(one.length);
        data.write(one);
      }
      assertThat(in.available()).as("a third model was stored").isPositive();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
