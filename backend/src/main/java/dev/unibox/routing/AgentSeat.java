package dev.unibox.routing;

import java.util.Set;

/** An online, routable agent with free capacity and their skills, as locked at the start of a routing pass. */
public final class AgentSeat {

  final long id;
  final String displayName;
  final boolean allAccounts;
  final Set<String> accounts;
  final Set<String> languages;
  final Set<String> platforms;
  final String team;
  final int maxConcurrent;
  int activeCount;
  /** Order of the agent's last assignment (a global counter): lower = longer since their last one. */
  long assignedSeq;

  AgentSeat(long id, String displayName, boolean allAccounts, Set<String> accounts, Set<String> languages,
            Set<String> platforms, String team, int activeCount, int maxConcurrent, long assignedSeq) {
    this.id = id;
    this.displayName = displayName;
    this.allAccounts = allAccounts;
    this.accounts = accounts;
    this.languages = languages;
    this.platforms = platforms;
    this.team = team;
    this.activeCount = activeCount;
    this.maxConcurrent = maxConcurrent;
    this.assignedSeq = assignedSeq;
  }

  public long id() {
    return id;
  }

  boolean hasRoom() {
    return activeCount < maxConcurrent;
  }

  /** The skills match ({@link AgentSkills#fit}). */
  boolean skilledFor(Candidate c) {
    return AgentSkills.fit(allAccounts, accounts, languages, platforms, team, c.accountId(), c.language(), c.platform(),
        c.team());
  }

  boolean canTake(Candidate c) {
    return hasRoom() && skilledFor(c);
  }

  double load() {
    return maxConcurrent == 0 ? 1 : (double) activeCount / maxConcurrent;
  }
}
