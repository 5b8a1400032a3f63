package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.Category;
import dev.unibox.domain.Classification;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import dev.unibox.domain.TextJudge;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The "check urgency" marker: raised when the judge was unsure of the urgency it chose, never when a
 * platform signal (a return/refund card) says the same or more, even if the text alone left doubt.
 */
class CheckUrgencyTest {

  private static MessageClassifier judgedWith(double confidence) {
    return new MessageClassifier(ClassificationRulesLoader.load(Path.of("../config/classification.yaml")),
        text -> "en", text -> new TextJudge.Verdict(Priority.URGENT, Category.AFTER_SALE, confidence));
  }

  @Test
  void anUnsureDecisionAsksTheAgentToCheckAndASureOneDoesNot() {
    assertThat(judgedWith(0.45).classify("it came like this").checkUrgency()).isTrue();
    assertThat(judgedWith(Classification.CHECK_BELOW - 0.01).classify("it came like this").checkUrgency()).isTrue();
    assertThat(judgedWith(0.93).classify("it came like this").checkUrgency()).isFalse();
  }

  @Test
  void aPlatformSignalThatAgreesRemovesTheDoubt() {
    Classification card = judgedWith(0.45).classify("order 2411110001", "return_refund_card");
    assertThat(card.priority()).isEqualTo(Priority.URGENT);
    assertThat(card.confidence()).isEqualTo(1.0);
    assertThat(card.checkUrgency()).isFalse();
  }
}
