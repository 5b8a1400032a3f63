package dev.unibox.auth;

import java.util.List;
import java.util.Set;

/**
 * The logged-in user as loaded from the store for this request (not from token claims, so a role or
 * shop change takes effect at once).
 *
 * @param mustChangePassword the password was set by an admin or team lead (temporary, V22): until the
 *                           user sets their own, only /api/me, the password change and logout answer
 */
public record CurrentUser(long id, String username, String displayName, String role, boolean allAccounts,
                          Set<String> accountIds, Set<String> ledTeams, boolean mustChangePassword) {

  public CurrentUser(long id, String username, String displayName, String role, boolean allAccounts,
                     Set<String> accountIds, Set<String> ledTeams) {
    this(id, username, displayName, role, allAccounts, accountIds, ledTeams, false);
  }

  /** A user who leads no team. */
  public CurrentUser(long id, String username, String displayName, String role, boolean allAccounts,
                     Set<String> accountIds) {
    this(id, username, displayName, role, allAccounts, accountIds, Set.of());
  }

  public boolean isAgent() {
    return "agent".equals(role);
  }

  public boolean oversees() {
    return "supervisor".equals(role) || "admin".equals(role);
  }

  public boolean mayServe(String accountId) {
    return allAccounts || accountIds.contains(accountId);
  }

  /** The shops this user may see, as query parameters. */
  public ShopScope shops() {
    return new ShopScope(allAccounts, List.copyOf(accountIds));
  }

  /**
   * Whether a supervisor's reach is limited to the teams they lead (docs/security.md, "Supervisor
   * scope"): a supervisor who leads at least one team. Admins and supervisors who lead no team act on
   * whole shops.
   */
  public boolean teamScoped() {
    return "supervisor".equals(role) && !ledTeams.isEmpty();
  }

  /**
   * A supervisor or admin may act on a conversation of this shop owned by this team (see
   * {@code ConversationTeam}; null = no team's: shared by every supervisor of the shop).
   */
  public boolean oversees(String accountId, String conversationTeam) {
    return oversees() && mayServe(accountId)
        && (!teamScoped() || conversationTeam == null || ledTeams.contains(conversationTeam));
  }
}
