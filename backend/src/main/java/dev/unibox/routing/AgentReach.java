package dev.unibox.routing;

import io.vertx.sqlclient.Row;
import java.util.Set;

/**
 * Which conversations an agent may take, whatever their load: the shops they serve (every shop, or the listed
 * ones), their languages and platforms (empty = any) and their team. Routing, surge's standby call and shift-end
 * handovers match on {@link #fits}; a single transfer's seat ({@link Seats}) is chosen by the same rule written in
 * SQL, and a test runs both over the same agents and conversations.
 */
public record AgentReach(boolean allAccounts, Set<String> accounts, Set<String> languages, Set<String> platforms,
                         String team) {

  /** From the columns all_accounts, account_ids, languages, platforms and team. */
  public static AgentReach of(Row r) {
    return new AgentReach(r.getBoolean("all_accounts"), Set.of(r.getArrayOfStrings("account_ids")),
        Set.of(r.getArrayOfStrings("languages")), Set.of(r.getArrayOfStrings("platforms")), r.getString("team"));
  }

  /** The conversation's shop, platform, language (null = not detected: anyone) and team (null = any). */
  public boolean fits(String accountId, String language, String platform, String conversationTeam) {
    return (allAccounts || accounts.contains(accountId))
        && (platforms.isEmpty() || platforms.contains(platform))
        && (languages.isEmpty() || language == null || languages.contains(language))
        && (conversationTeam == null || conversationTeam.equals(team));
  }
}
