package dev.unibox.classification;

import dev.unibox.domain.TextJudge;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model ingest uses right now; an admin's switch replaces it at once, for every later message.
 * Until the first model is loaded (training it takes seconds on a first start) it judges nothing and
 * the word lists decide.
 */
public final class LiveModel implements TextJudge {

  record Active(long version, BuyerModel model) {}

  private final AtomicReference<Active> active = new AtomicReference<>();

  @Override
  public Verdict judge(String text) {
    Active current = active.get();
    if (current == null) {
      return null;
    }
    return current.model().judge(text).verdict();
  }

  void use(long version, BuyerModel model) {
    active.set(new Active(version, model));
  }

  long version() {
    Active a = active.get();
    return a == null ? 0 : a.version();
  }
}
