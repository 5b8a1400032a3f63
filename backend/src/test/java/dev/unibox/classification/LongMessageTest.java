package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A buyer may paste a whole chat log: only its first {@link MessageClassifier#MAX_CLASSIFIED_CHARS}
 * characters are classified (cues, model, language detection, word lists), so a 900 KB push costs what
 * a long message costs, not seconds of a worker thread.
 */
class LongMessageTest {

  private static final String FILLER = "copied from the other chat app, line after line. ".repeat(20_000);

  @Test
  void cuesAreOnlyLookedForInTheStartOfTheMessage() {
    assertThat(FILLER.length()).isGreaterThan(900_000);
    assertThat(Features.of("please refund me. " + FILLER).cues()).contains("c:REFUND");
    assertThat(Features.of(FILLER + " please refund me.").cues()).doesNotContain("c:REFUND");
  }

  @Test
  void theJudgeTheLanguageDetectorAndTheWordListsSeeOnlyTheStart() {
    List<Integer> judged = new ArrayList<>();
    List<Integer> detected = new ArrayList<>();
    MessageClassifier classifier = new MessageClassifier(
        ClassificationRulesLoader.load(Path.of("../config/classification.yaml")),
        text -> {
          detected.add(text.length());
          return "en";
        },
        text -> {
          judged.add(text.length());
          return null; // no model yet: the word lists decide, on the same start
        });
    assertThat(classifier.classify(FILLER + " refund").priority()).isEqualTo(Priority.NORMAL);
    assertThat(classifier.classify("refund " + FILLER).priority()).isEqualTo(Priority.URGENT);
    assertThat(judged).containsExactly(MessageClassifier.MAX_CLASSIFIED_CHARS, MessageClassifier.MAX_CLASSIFIED_CHARS);
    assertThat(detected).containsExactly(MessageClassifier.MAX_CLASSIFIED_CHARS, MessageClassifier.MAX_CLASSIFIED_CHARS);
  }

  @Test
  void theCutNeverSplitsAnEmoji() {
    String text = "a".repeat(MessageClassifier.MAX_CLASSIFIED_CHARS - 1) + "😡 rest";
    String part = MessageClassifier.classifiedPart(text);
    assertThat(part).hasSize(MessageClassifier.MAX_CLASSIFIED_CHARS - 1);
    assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
  }
}
