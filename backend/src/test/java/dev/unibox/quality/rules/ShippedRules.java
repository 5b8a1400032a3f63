package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rule documents shipped in config/quality, merged the way a shop gets them. */
final class ShippedRules {

  static final Path DIR = Path.of("../config/quality");

  private ShippedRules() {}

  static JsonNode merged(String platform, String accountId) throws Exception {
    JsonNode doc = QualityDocuments.readYaml(DIR.resolve("global.yaml"));
    Path p = DIR.resolve("platforms").resolve(platform + ".yaml");
    if (platform != null && Files.exists(p)) {
      doc = QualityDocuments.merge(doc, QualityDocuments.readYaml(p));
    }
    Path s = DIR.resolve("shops").resolve(accountId + ".yaml");
    if (accountId != null && Files.exists(s)) {
      doc = QualityDocuments.merge(doc, QualityDocuments.readYaml(s));
    }
    return doc;
  }

  /** The compiled rules of a platform (and shop); a failure to read them fails the test that asked. */
  static RuleSet compiled(String platform, String accountId) {
    try {
      return RuleSet.compile(merged(platform, accountId));
    } catch (Exception e) {
      throw new IllegalStateException("The shipped rules of " + platform + " do not load", e);
    }
  }

  /** The test shop shopee-my-01's rules. */
  static RuleSet shopee() {
    return compiled("shopee", "shopee-my-01");
  }
}
