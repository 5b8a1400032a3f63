package dev.unibox.users;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;

/**
 * Who may manage whom (docs/users.md). An admin of every shop manages every user. A supervisor who leads
 * teams manages the agents of those teams: they can create agents only in a team they lead, give them
 * only shops they serve themselves, and never make anyone a supervisor or an admin (a supervisor who
 * leads no team oversees whole shops, so making one would widen the creator's reach). Everyone else: 403.
 */
final class UserScope {

  private UserScope() {
  }

  static void requireManager(CurrentUser actor) {
    if (!admin(actor) && !actor.teamScoped()) {
      throw ApiException.forbidden("Only admins of every shop, and supervisors for their own teams, manage users");
    }
  }

  static boolean admin(CurrentUser actor) {
    return "admin".equals(actor.role()) && actor.allAccounts();
  }

  /** The stored user may be looked at and changed by the actor. */
  static void requireTarget(CurrentUser actor, UserRow target) {
    requireManager(actor);
    if (admin(actor)) {
      return;
    }
    if (!"agent".equals(target.role()) || target.team() == null || !actor.ledTeams().contains(target.team())) {
      throw ApiException.forbidden("Supervisors manage only the agents of the teams they lead");
    }
  }

  /** The fields the actor wants to write are within their reach. */
  static void requireForm(CurrentUser actor, UserForm form) {
    if (admin(actor)) {
      return;
    }
    if (!"agent".equals(form.role())) {
      throw ApiException.forbidden("Supervisors create and edit agents only");
    }
    if (form.skills().team() == null || !actor.ledTeams().contains(form.skills().team())) {
      throw ApiException.forbidden("Supervisors put agents only in a team they lead");
    }
    if (form.allAccounts() || !form.accounts().stream().allMatch(actor::mayServe)) {
      throw ApiException.forbidden("Supervisors grant only shops they serve themselves");
    }
  }

  /** Nobody locks themselves out: no disabling oneself, no change of one's own role or shop reach. */
  static void requireNotSelf(CurrentUser actor, long targetId, String what) {
    if (actor.id() == targetId) {
      throw ApiException.badRequest("own_account", "You cannot " + what + " on your own account");
    }
  }
}
