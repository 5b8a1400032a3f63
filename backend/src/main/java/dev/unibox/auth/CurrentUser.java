package dev.unibox.auth;

import java.util.Set;

/**
 * The logged-in user as loaded from the store for this request (not from token claims, so a role or
 * shop change takes effect at once).
 */
public record CurrentUser(long id, String username, String displayName, String role, boolean allAccounts,
                          Set<String> accountIds) {

  public boolean isAgent() {
    return "agent".equals(role);
  }

  public boolean oversees() {
    return "supervisor".equals(role) || "admin".equals(role);
  }

  public boolean mayServe(String accountId) {
    return allAccounts || accountIds.contains(accountId);
  }
}
