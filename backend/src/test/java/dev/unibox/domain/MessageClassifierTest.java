package dev.unibox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.ClassificationRulesLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules in config/classification.yaml and the language detector, per language. */
class MessageClassifierTest {

  private static MessageClassifier classifier;

  @BeforeAll
  static void load() {
    classifier = new MessageClassifier(ClassificationRulesLoader.load(Path.of("../config/classification.yaml")),
        new LinguaLanguageDetector());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The vase arrived broken, I want a refund please | urgent | after_sale | en",
      "收到的杯子破损了,我要退款 | urgent | after_sale | zh",
      "收到的商品破損了,我要退款 | urgent | after_sale | zh-Hant",
      "สินค้าเสียหาย ขอคืนเงินค่ะ | urgent | after_sale | th",
      "Hàng bị vỡ rồi, tôi muốn hoàn tiền | urgent | after_sale | vi",
      "Barang sampai rosak, saya nak pulangkan dan refund | urgent | after_sale | ms",
      "Can I stack the shop voucher with the platform coupon? | normal | pre_sale | en",
      "请问这款有没有黑色的?什么时候补货 | normal | pre_sale | zh",
      "我的快遞到哪裡了?單號是多少 | normal | in_sale | zh-Hant",
      "Đơn hàng của tôi khi nào nhận được, cho tôi mã vận đơn | normal | in_sale | vi",
      "Boleh saya tukar alamat penghantaran untuk pesanan saya? | normal | in_sale | ms",
      "ขอเลขติดตามพัสดุหน่อยค่ะ จัดส่งหรือยัง | normal | in_sale | th"})
  void classifiesUrgencyCategoryAndLanguage(String text, String priority, String category, String language) {
    Classification c = classifier.classify(text);
    assertThat(c.priority().wire()).as("priority").isEqualTo(priority);
    assertThat(c.category().wire()).as("category").isEqualTo(category);
    assertThat(c.language()).as("language").isEqualTo(language);
  }

  @Test
  void mixedLanguageComplaintIsStillUrgent() {
    assertThat(classifier.classify("hello, barang salah hantar!!").priority()).isEqualTo(Priority.URGENT);
  }

  @Test
  void emptyTextIsUndetermined() {
    assertThat(classifier.classify("  ").language()).isEqualTo(LanguageDetector.UNDETERMINED);
  }

  @Test
  void laterCategoryWins() {
    assertThat(Category.AFTER_SALE.laterOf(Category.PRE_SALE)).isEqualTo(Category.AFTER_SALE);
    assertThat(Category.PRE_SALE.laterOf(Category.IN_SALE)).isEqualTo(Category.IN_SALE);
  }
}
