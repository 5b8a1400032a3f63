package dev.unibox.bench;

import static dev.unibox.bench.SimulatedDay.await;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.ingest.IngestService;
import dev.unibox.routing.Assigner;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * How the simulated agents behave: an agent answers an assigned chat after reading it (longer the more chats
 * they hold, plus the scenario's history read when a returning buyer is new to them), answers the buyer's
 * follow-ups, and closes the chat after handling it (longer the more chats they hold); the scenario's
 * {@link PromotionDayScenario.Times} say how much longer.
 */
final class SimulatedAgents {

  private enum Act { ANSWER, CLOSE, FOLLOW_UP }

  /** Something a simulated agent does at a second: the first answer, a later answer, or close. */
  private record Step(long second, int order, TrackedChat conversation, Act act) {}

  private final IngestService ingest;
  private final CloseConversation close;
  private final Clock clock;
  private final PromotionDayScenario.Times times;
  private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.second() != b.second()
      ? Long.compare(a.second(), b.second()) : Integer.compare(a.order(), b.order()));
  private final Map<Long, Long> lastAgentOfConversation = new HashMap<>();
  private final Map<Long, Integer> load = new HashMap<>();
  private int order = 0;

  SimulatedAgents(IngestService ingest, CloseConversation close, Clock clock, PromotionDayScenario.Times times) {
    this.ingest = ingest;
    this.close = close;
    this.clock = clock;
    this.times = times;
  }

  /** The buyer of an answered, open chat wrote again: the agent holding it answers after reading. */
  void followUp(TrackedChat open, TrackedChat message, long t) {
    steps.add(new Step(t + Math.max(1, Math.round(message.arrival.readSeconds())), order++, open, Act.FOLLOW_UP));
  }

  /** The router gave the chat to an agent: plan the first answer and the close. */
  void assigned(Assigner.Assignment a, TrackedChat tr, long t) {
    int l = load.merge(a.agentId(), 1, Integer::sum);
    Long previous = lastAgentOfConversation.get(a.conversationId());
    double history = tr.arrival.returning() && (previous == null || previous != a.agentId()) ? times.historyRead() : 0;
    tr.agent = a.agentId();
    lastAgentOfConversation.put(a.conversationId(), a.agentId());
    long answer = t + Math.round(tr.arrival.readSeconds() * times.readFactor(l) + history);
    steps.add(new Step(Math.max(answer, t + 1), order++, tr, Act.ANSWER));
    steps.add(new Step(Math.max(answer, t + 1) + Math.round(tr.arrival.handleSeconds() * times.handleFactor(l)),
        order++, tr, Act.CLOSE));
  }

  /** Does everything due by second t (answers go through the real ingest); true when a chat was closed. */
  boolean work(long t) throws Exception {
    boolean closed = false;
    List<InboundMessage> replies = new ArrayList<>();
    while (!steps.isEmpty() && steps.peek().second() <= t) {
      Step s = steps.poll();
      TrackedChat tr = s.conversation();
      if (s.act() == Act.CLOSE) {
        long agentId = tr.agent;
        await(close.close(new CurrentUser(agentId, "agent", "agent", "agent", true, Set.of()), tr.conversationId)
            .recover(e -> Future.succeededFuture()));
        tr.closedAt = t;
        load.merge(agentId, -1, Integer::sum);
        closed = true;
      } else if (tr.closedAt < 0) {
        if (s.act() == Act.ANSWER) {
          tr.answeredAt = t;
        }
        replies.add(new InboundMessage(tr.arrival.shop().accountId(), "r-" + tr.arrival.index() + "-" + s.order(),
            "c-" + tr.arrival.buyer(), tr.arrival.buyer(), tr.arrival.buyer(), false, "text", "Hi! Let me check.",
            clock.instant()));
      }
    }
    if (!replies.isEmpty()) {
      await(ingest.ingest(replies));
    }
    return closed;
  }

  /** Chats the agent holds now. */
  int load(long agentId) {
    return load.getOrDefault(agentId, 0);
  }

  boolean idle() {
    return steps.isEmpty();
  }

  /** The second of the next planned step, if it comes before {@code later}. */
  long nextStepBefore(long later) {
    return steps.isEmpty() ? later : Math.min(later, steps.peek().second());
  }
}
