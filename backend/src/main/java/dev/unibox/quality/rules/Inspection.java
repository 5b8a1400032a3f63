package dev.unibox.quality.rules;

import java.util.List;

/** The outcome of inspecting one reply: its findings, ordered by position. */
public record Inspection(List<Finding> findings) {

  public static final Inspection CLEAN = new Inspection(List.of());

  public Inspection {
    findings = List.copyOf(findings);
  }

  /** Anything to show or record (a warning or a block). */
  public boolean flagged() {
    return !findings.isEmpty();
  }

  public boolean blocked() {
    return findings.stream().anyMatch(f -> f.action() == Action.BLOCK);
  }

  /** True when every blocking finding may be overridden with a reason (false when nothing blocks). */
  public boolean overridable() {
    return blocked() && findings.stream().filter(f -> f.action() == Action.BLOCK).allMatch(Finding::overridable);
  }

  public List<Finding> blocking() {
    return findings.stream().filter(f -> f.action() == Action.BLOCK).toList();
  }
}
