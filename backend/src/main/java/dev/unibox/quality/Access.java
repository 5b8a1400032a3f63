package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;

/** Role and shop checks shared by the quality routes (every call is checked on the server). */
final class Access {

  private Access() {}

  static void overseer(CurrentUser user) {
    if (!user.oversees()) {
      throw ApiException.forbidden("Only supervisors and admins may do this");
    }
  }

  static void admin(CurrentUser user) {
    if (!"admin".equals(user.role())) {
      throw ApiException.forbidden("Only admins may change the quality rules");
    }
  }

  /** The user serves this shop (agents: granted shops; supervisors/admins: theirs). */
  static void serves(CurrentUser user, String accountId) {
    if (!user.mayServe(accountId)) {
      throw ApiException.forbidden("This shop is not yours");
    }
  }
}
