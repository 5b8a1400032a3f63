package dev.unibox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

  @Test
  void nulAndLoneSurrogatesBecomeTheReplacementCharacterAndEverythingElseIsKept() {
    assertThat(TextSanitizer.storable("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(TextSanitizer.storable("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
    assertThat(TextSanitizer.storable("trailing high \uD83D")).isEqualTo("trailing high \uFFFD");
    String kept = "emoji 😀, 中文, tab\tnew\nline, ไทย";
    assertThat(TextSanitizer.storable(kept)).isSameAs(kept);
    assertThat(TextSanitizer.storable(null)).isNull();
  }
}
