package dev.unibox.routing;

/** An online, routable agent with free capacity and their skills, as locked at the start of a routing pass. */
public final class AgentSeat {

  final long id;
  final String displayName;
  final AgentReach reach;
  final int maxConcurrent;
  int activeCount;
  /** Order of the agent's last assignment (a global counter): lower = longer since their last one. */
  long assignedSeq;

  AgentSeat(long id, String displayName, AgentReach reach, int activeCount, int maxConcurrent, long assignedSeq) {
    this.id = id;
    this.displayName = displayName;
    this.reach = reach;
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

  boolean skilledFor(Candidate c) {
    return reach.fits(c.accountId(), c.language(), c.platform(), c.team());
  }

  boolean canTake(Candidate c) {
    return hasRoom() && skilledFor(c);
  }

  double load() {
    return maxConcurrent == 0 ? 1 : (double) activeCount / maxConcurrent;
  }
}
