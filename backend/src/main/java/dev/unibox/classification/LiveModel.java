package dev.unibox.classification;

import dev.unibox.domain.Priority;
import dev.unibox.domain.TextJudge;
import java.util.concurrent.atomic.AtomicReference;

/** The model ingest uses right now; an admin's switch replaces it at once, for every later message. */
public final class LiveModel implements TextJudge {

  record Active(long version, BuyerModel model) {}

  private final AtomicReference<Active> active = new AtomicReference<>();

  @Override
  public Verdict judge(String text) {
    BuyerModel.Judgement j = active.get().model().judge(text);
    return new Verdict(j.urgent() ? Priority.URGENT : Priority.NORMAL, j.category(), j.confidence());
  }

  void use(long version, BuyerModel model) {
    active.set(new Active(version, model));
  }

  long version() {
    Active a = active.get();
    return a == null ? 0 : a.version();
  }
}
