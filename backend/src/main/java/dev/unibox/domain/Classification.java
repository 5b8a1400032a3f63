package dev.unibox.domain;

/**
 * What one buyer message says about its conversation. language is an ISO code or "und". confidence is
 * how sure the classifier is of the urgency (1 when a platform signal or a word-list rule decided).
 * informative: false when the text named nothing the judge weighs (an emoji, "are you there?"), so the
 * conversation's "check urgency" flag stays as its last informative message left it.
 */
public record Classification(Priority priority, Category category, String language, double confidence,
                             boolean informative) {

  /** Below this confidence the agent is asked to check the urgency ("check urgency" flag). */
  public static final double CHECK_BELOW = 0.7;

  public Classification(Priority priority, Category category, String language) {
    this(priority, category, language, 1.0, true);
  }

  public boolean checkUrgency() {
    return confidence < CHECK_BELOW;
  }
}
