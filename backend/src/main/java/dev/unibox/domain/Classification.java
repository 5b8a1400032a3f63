package dev.unibox.domain;

/**
 * What one buyer message says about its conversation. language is an ISO code or "und". confidence is
 * how sure the classifier is of the urgency (1 when a platform signal or a word-list rule decided).
 */
public record Classification(Priority priority, Category category, String language, double confidence) {

  /** Below this confidence the agent is asked to check the urgency ("check urgency" flag). */
  public static final double CHECK_BELOW = 0.7;

  public Classification(Priority priority, Category category, String language) {
    this(priority, category, language, 1.0);
  }

  public boolean checkUrgency() {
    return confidence < CHECK_BELOW;
  }
}
