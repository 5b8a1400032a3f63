package dev.unibox.domain;

/** Queue priority class; a higher level is always served first. */
public enum Priority {
  NORMAL(0, "normal"),
  URGENT(1, "urgent");

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
    return level >= URGENT.level ? URGENT : NORMAL;
  }
}
