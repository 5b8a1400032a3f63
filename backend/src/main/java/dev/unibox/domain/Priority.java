package dev.unibox.domain;

/**
 * Queue priority class; a higher level is always served first. CRITICAL is reached only by raising:
 * an urgent conversation whose SLA warning fired, or a supervisor's hand.
 */
public enum Priority {
  NORMAL(0, "normal"),
  URGENT(1, "urgent"),
  CRITICAL(2, "critical");

  private final int level;
  private final String wire;

  Priority(int level, String wire) {
    this.level = level;
    this.wire = wire;
  }

  public int level() {
    return level;
  }

  public String wire() {
    return wire;
  }

  public static Priority ofLevel(int level) {
    return level >= CRITICAL.level ? CRITICAL : level >= URGENT.level ? URGENT : NORMAL;
  }

  /** @return the priority with this wire name, or null */
  public static Priority ofWire(String wire) {
    for (Priority p : values()) {
      if (p.wire.equals(wire)) {
        return p;
      }
    }
    return null;
  }

  /** One class up (an SLA warning raises); CRITICAL stays. */
  public Priority raised() {
    return ofLevel(level + 1);
  }

  /** Urgent and critical share the urgent first-response target. */
  public boolean urgentTarget() {
    return level >= URGENT.level;
  }
}
