package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import dev.unibox.domain.SimplifiedChinese;
import dev.unibox.domain.TextNormalizer;
import java.util.List;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken for speed must not change a decision: the character table gives what ICU's
 * Traditional→Simplified transliterator gives for each character, the plain-letter table what full
 * decomposition gives, and scoring the maxent models directly gives OpenNLP's categoriser's
 * probabilities (the cue model's, the Chinese model's and the category model's), on every training message.
 */
class FastPathTest {

  private static List<LabelledMessage> training;
  private static BuyerModel model;

  @BeforeAll
  static void train() {
    training = Corpus.training();
    model = BuyerModel.train(training);
  }

  @Test
  void theSimplifiedTableAgreesWithIcuCharacterByCharacter() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    int han = 0;
    for (LabelledMessage m : training) {
      String folded = TextNormalizer.normalize(m.text());
      han += BuyerText.hasHan(folded) ? 1 : 0;
      StringBuilder byCharacter = new StringBuilder();
      folded.codePoints().forEach(c -> byCharacter.append(icu.transliterate(Character.toString(c))));
      assertThat(SimplifiedChinese.of(folded)).as(m.text()).isEqualTo(byCharacter.toString());
    }
    assertThat(han).isGreaterThan(150);
    assertThat(SimplifiedChinese.of("顏色跟圖片不一樣，退貨")).isEqualTo("颜色跟图片不一样，退货");
    String simplified = "已经是简体";
    assertThat(SimplifiedChinese.of(simplified)).isSameAs(simplified);
  }

  @Test
  void plainLettersFromTheTableEqualTheFullDecomposition() {
    int marked = 0;
    for (LabelledMessage m : training) {
      for (String word : BuyerText.normalize(m.text()).split("[^\\p{L}\\p{M}\\p{N}]+")) {
        marked += BuyerText.hasLatinMarks(word) ? 1 : 0;
        assertThat(BuyerText.plain(word)).as(word).isEqualTo(BuyerText.plainDecomposed(word));
      }
    }
    assertThat(marked).isGreaterThan(300);
    assertThat(BuyerText.plain("đổi")).isEqualTo("doi");
  }

  @Test
  void scoringTheModelsDirectlyEqualsOpenNlpsCategoriser() {
    DocumentCategorizerME urgency = new DocumentCategorizerME(model.urgencyModel());
    DocumentCategorizerME chineseUrgency = new DocumentCategorizerME(model.chineseUrgencyModel());
    DocumentCategorizerME category = new DocumentCategorizerME(model.categoryModel());
    int chinese = 0;
    for (LabelledMessage m : training) {
      Features.Bag bag = Features.of(m.text());
      chinese += bag.chinese() ? 1 : 0;
      double urgent = bag.chinese()
          ? chineseUrgency.categorize(bag.cuesAndHan())[chineseUrgency.getIndex("urgent")]
          : urgency.categorize(bag.cues())[urgency.getIndex("urgent")];
      double[] byCategory = category.categorize(bag.cuesAndWords());
      BuyerModel.Judgement j = model.judge(m.text());
      assertThat(j.urgent() ? j.confidence() : 1 - j.confidence()).as(m.text()).isCloseTo(urgent,
          org.assertj.core.data.Offset.offset(1e-12));
      double best = 0;
      for (double p : byCategory) {
        best = Math.max(best, p);
      }
      assertThat(j.categoryConfidence()).as(m.text()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(chinese).as("messages the Chinese model judged").isGreaterThan(2000);
  }
}
