package dev.unibox.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped fixes, applied the way the composer applies them, give a sentence an agent can send: grammatical
 * and no longer flagged ("the best in the world" used to become "a great in the world").
 */
class SuggestedFixesTest {

  private static final RuleSet SHOPEE = ShippedRules.shopee();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Our vase is the best in the world.  | Our vase is truly excellent.",
      "Our vase is the best in Malaysia.   | Our vase is excellent in Malaysia.",
      "This is the best vase for flowers.  | This is a great vase for flowers.",
      "Honestly, this one is the best!     | Honestly, this one is excellent!",
  })
  void aFixedReplyIsGrammaticalAndClean(String reply, String expected) {
    List<Finding> fixes = SHOPEE.inspect(reply, List.of()).findings().stream()
        .filter(f -> f.fix() != null && "absolute".equals(f.rule())).toList();
    assertThat(fixes).as("a fix is offered for " + reply).isNotEmpty();
    String fixed = apply(reply, fixes.get(0));
    assertThat(fixed).isEqualTo(expected);
    assertThat(SHOPEE.inspect(fixed, List.of()).findings()).as(fixed)
        .noneMatch(f -> "absolute".equals(f.rule()) && "superlative".equals(f.group()));
  }

  /** What the composer does with the first finding it shows (the earliest, longest). */
  private static String apply(String text, Finding f) {
    return text.substring(0, f.start()) + f.fix() + text.substring(f.end());
  }
}
