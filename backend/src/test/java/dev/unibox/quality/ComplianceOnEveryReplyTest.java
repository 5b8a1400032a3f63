package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Image, product and order replies reach the buyer too: they pass the same compliance check as text. */
@InboxTest
class ComplianceOnEveryReplyTest {

  private final TestClock clock = new TestClock();
  private QualityFixture f;

  @Test
  void aBlockedTermInAnImageUrlOrAProductIdIsRefusedAndNothingIsStored() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "814001", "lim", "Show me the lamp");
      f.setRules("shop:" + TestInbox.ACCOUNT_MY, QualityFixture.shopWordsBlocked("kaboomprice"));

      var image = f.reply(mei.token(), id, new JsonObject().put("type", "image")
          .put("text", "https://cdn.example.com/kaboomprice-lamp.jpg"));
      assertThat(image.statusCode()).as(image.bodyAsString()).isEqualTo(422);
      var item = f.reply(mei.token(), id, new JsonObject().put("type", "item").put("text", "kaboomprice"));
      assertThat(item.statusCode()).isEqualTo(422);
      assertThat(f.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND direction = 'out'", id)).isZero();
      assertThat(f.reply(mei.token(), id, new JsonObject().put("type", "item").put("text", "100200300")).statusCode())
          .isEqualTo(202);
    }
  }
}
