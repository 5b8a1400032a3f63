package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import java.time.Instant;

/**
 * What decides whether a satisfaction invite may go out: an invite only on a solved conversation (one bad
 * rating needs about four good ones to recover, so never invite before the problem is solved), once per
 * solving, by the agent who served it or a supervisor of the shop.
 */
record InviteFacts(long id, String accountId, String status, String language, Long lastAssigneeId,
                   String platform, String shopName, String buyerName, Instant solvedAt, Instant lastInviteAt) {

  static final String NOT_SOLVED = "Invite a rating only once the buyer's problem is solved: mark the "
      + "conversation solved first. One bad rating takes about four good ones to make up for.";

  /** The agent who served it, or a supervisor/admin of its shop; 403 otherwise. */
  void requireActor(CurrentUser user) {
    boolean may = user.oversees() ? user.mayServe(accountId) : lastAssigneeId != null && lastAssigneeId == user.id();
    if (!may) {
      throw ApiException.forbidden("Only the agent who served this conversation or a supervisor of its shop may do this");
    }
  }

  /** Null when an invite may be sent now, else the reason shown to the agent. */
  String whyNoInvite() {
    if (!"closed".equals(status)) {
      return NOT_SOLVED;
    }
    if (lastInviteAt != null && (solvedAt == null || !lastInviteAt.isBefore(solvedAt))) {
      return "The buyer was already invited to rate this conversation since it was solved.";
    }
    return null;
  }

  /** The error code when {@link #whyNoInvite} is not null. */
  String noInviteCode() {
    return "closed".equals(status) ? "already_invited" : "not_solved";
  }
}
