package dev.unibox.routing;

import java.time.Instant;
import java.util.Set;

/** An online agent with free capacity, as locked at the start of a routing pass. */
final class AgentSeat {

  final long id;
  final String displayName;
  final boolean allAccounts;
  final Set<String> accounts;
  final int maxConcurrent;
  int activeCount;
  Instant lastAssignedAt;
  /** The agent's team (users.team); a conversation that needs a team goes only to its members. */
  String team;

  AgentSeat(long id, String displayName, boolean allAccounts, Set<String> accounts, int activeCount,
            int maxConcurrent, Instant lastAssignedAt) {
    this.id = id;
    this.displayName = displayName;
    this.allAccounts = allAccounts;
    this.accounts = accounts;
    this.activeCount = activeCount;
    this.maxConcurrent = maxConcurrent;
    this.lastAssignedAt = lastAssignedAt;
  }

  boolean canTake(String accountId) {
    return activeCount < maxConcurrent && (allAccounts || accounts.contains(accountId));
  }

  boolean canTake(String accountId, String requiredTeam) {
    return canTake(accountId) && (requiredTeam == null || requiredTeam.equals(team));
  }

  double load() {
    return maxConcurrent == 0 ? 1 : (double) activeCount / maxConcurrent;
  }
}
