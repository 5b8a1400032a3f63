package dev.unibox.domain;

/**
 * Reads urgency and category from a buyer message's text (the trained model of
 * dev.unibox.classification). Must be safe to call from several threads at once.
 */
public interface TextJudge {

  /** urgent or normal, the category, and how sure the judge is of the urgency it chose (0–1). */
  record Verdict(Priority priority, Category category, double confidence) {}

  /** @return the verdict, or null when the judge has no model yet (the word lists decide) */
  Verdict judge(String text);
}
