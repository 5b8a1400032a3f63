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

  static RuleSet shopee() throws Exception {
    return RuleSet.compile(merged("shopee", "shopee-my-01"));
  }
}
