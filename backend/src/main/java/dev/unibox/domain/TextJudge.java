package dev.unibox.domain;

/**
 * Reads urgency and category from a buyer message's text (the trained model of
 * dev.unibox.classification). Must be safe to call from several threads at once.
 */
public interface TextJudge {

  /**
   * urgent or normal, the category, and how sure the judge is of the urgency it chose (0–1). informative: the
   * text named something the judge weighs; "👍" or "在吗" does not, and says nothing about the conversation's urgency.
   */
  record Verdict(Priority priority, Category category, double confidence, boolean informative) {
    public Verdict(Priority priority, Category category, double confidence) {
      this(priority, category, confidence, true);
    }
  }

  /** @return the verdict, or null when the judge has no model yet (the word lists decide) */
  Verdict judge(String text);
}
