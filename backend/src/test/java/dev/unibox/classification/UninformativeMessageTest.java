package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A follow-up that names nothing ("👍", "在吗") says nothing about urgency: through the real ingest with the trained
 * model, it leaves the conversation's "check urgency" flag and confidence as the last informative message left them.
 */
@InboxTest
class UninformativeMessageTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  private TestIngest judgedIngest() {
    MessageClassifier judged = new MessageClassifier(
        ClassificationRulesLoader.load(Path.of("../config/classification.yaml")), new LinguaLanguageDetector(),
        text -> TrainedModel.MODEL.judge(text).verdict());
    return TestIngest.classifiedBy(inbox, clock, judged);
  }

  @Test
  void anEmojiAfterAClearComplaintLeavesTheFlagDown() throws Exception {
    TestIngest ingest = judgedIngest();
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "收到的杯子碎了，我要退款", T0);
    Row before = flag(id);
    assertThat(before.getBoolean(0)).as("a clear complaint is sure").isFalse();

    assertThat(TrainedModel.MODEL.judge("👍").hasCue()).isFalse();
    assertThat(ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "👍", T0.plusSeconds(30))).isEqualTo(id);
    Row after = flag(id);
    assertThat(after.getBoolean(0)).isFalse();
    assertThat(after.getDouble(1)).isEqualTo(before.getDouble(1));
  }

  @Test
  void aFirstMessageThatNamesNothingIsNotFlaggedAndNotUrgent() throws Exception {
    long id = judgedIngest().buyer(TestInbox.ACCOUNT_MY, "b2", "👍", T0);
    assertThat(flag(id).getBoolean(0)).isFalse();
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = $1", id)).isZero();
  }

  private Row flag(long id) throws Exception {
    return inbox.rows("SELECT check_urgency, urgency_confidence FROM conversations WHERE id = $1", id).get(0);
  }
}
