package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.domain.LinearRegex;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * One buyer must not freeze the inbox: an admin's pattern that backtracks catastrophically under
 * java.util.regex (minutes on a few KB) runs in linear time, off the event loop, and the message is
 * stored. A blocked event loop fails this test through BlockedThreadGuard.
 */
class RegexHardeningTest extends QualityTest {

  /** The spam rule once shipped: nested quantifiers over overlapping classes. */
  private static final String BACKTRACKING = "(?i)(https?://\\S+[\\s\\S]*){3,}";

  @Test
  void aBacktrackingSpamPatternOverAHostileMessageNeitherStallsTheServiceNorLosesTheMessage() throws Exception {
    String scope = "shop:" + TestInbox.ACCOUNT_MY;
    f.setRules(scope, new JsonObject().put("spam", new JsonObject().put("threshold", 2)
        .put("patterns", new JsonArray().add(BACKTRACKING))));
    String hostile = "see http://" + "a".repeat(1500) + " and http://" + "b".repeat(1500) + " ok";

    assertThat(dev.unibox.testing.Await.result(f.inbox.signedShopeePush("m-hostile", "812001", hostile)))
        .isEqualTo(200);

    long id = f.conversationOf("812001");
    assertThat(f.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND body = $2", id, hostile))
        .isEqualTo(1);
    assertThat(f.inbox.get(f.admin(), "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void patternsRe2CannotRunInLinearTimeAreRefusedOnSave() throws Exception {
    var refused = f.put(f.admin(), "/api/quality/rules/shop:" + TestInbox.ACCOUNT_MY, new JsonObject().put("document",
        new JsonObject().put("spam", new JsonObject().put("patterns", new JsonArray().add("^(.)\\1{11,}$")))
            .put("variables", new JsonObject().put("orderNumberPattern", "(?<=#)\\d+"))));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("patterns[0]").contains("orderNumberPattern")
        .contains("backreferences");
    assertThatThrownBy(() -> LinearRegex.compile("(a)\\1")).isInstanceOf(IllegalArgumentException.class);
  }
}
