package dev.unibox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The script decides Chinese, Thai and Vietnamese typed with its letters; Lingua only Latin text without
 * them. Mixed messages keep the buyer's own language. (Vietnamese typed without diacritics is Lingua's to
 * tell; it gets most of the corpus's right, not all: docs/benchmarks.md, "Language detection on the corpus".)
 */
class LanguageByScriptTest {

  private static final LanguageDetector DETECTOR = new LinguaLanguageDetector();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "东西坏了 refund please | zh",
      "個charger完全唔work | zh-Hant",
      "顏色跟圖片不一樣 | zh-Hant",
      "请问支持七天无理由退货吗？ | zh",
      "ของเสีย ขอ refund ค่ะ | th",
      "Sản phẩm không giống hình | vi",
      // combining marks typed separately (hook above on 'a')
      "Sa\u0309n pha\u0302\u0309m bi\u0323 lo\u0302\u0303i | vi",
      "The zipper broke after one day | en",
      "Barang tak berfungsi, saya nak pulangkan | ms",
      "😡😡😡 !!! | und"})
  void decidesByScriptFirst(String text, String language) {
    assertThat(DETECTOR.detect(text)).isEqualTo(language);
  }
}
