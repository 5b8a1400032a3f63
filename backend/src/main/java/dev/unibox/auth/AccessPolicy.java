package dev.unibox.auth;

import dev.unibox.web.ApiException;

/**
 * The decisions of the authorization matrix (docs/security.md) that are not a conversation's scope, in
 * one place for the routes to call. Anything that changes the whole inbox — accounts, teams (which grant
 * shops), the global roster and surge mode — needs someone who already oversees every shop, so a
 * shop-limited admin or supervisor cannot widen their own reach or act on shops they do not hold.
 */
public final class AccessPolicy {

  private AccessPolicy() {
  }

  /** Accounts, teams: an admin of every shop. */
  public static void requireGlobalAdmin(CurrentUser user, String what) {
    if (!"admin".equals(user.role()) || !user.allAccounts()) {
      throw ApiException.forbidden("Only an admin of every shop may " + what);
    }
  }

  /** Supervisors and admins (of any shop); {@code message} says what the others may not do. */
  public static CurrentUser requireOverseer(CurrentUser user, String message) {
    if (!user.oversees()) {
      throw ApiException.forbidden(message);
    }
    return user;
  }

  /** The roster and surge mode apply to every shop: a supervisor or admin of every shop. */
  public static void requireGlobalOverseer(CurrentUser user, String what) {
    if (!user.oversees() || !user.allAccounts()) {
      throw ApiException.forbidden("Only a supervisor or admin of every shop may " + what);
    }
  }

  /** Whether the user sees an account at all (GET /api/accounts): only the shops they serve. */
  public static boolean seesAccount(CurrentUser user, String accountId) {
    return user.mayServe(accountId);
  }
}
