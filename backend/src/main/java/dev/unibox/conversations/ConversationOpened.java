package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;

/** Told after a user has been shown one conversation (a successful {@code GET /api/conversations/:id}). */
@FunctionalInterface
public interface ConversationOpened {

  void opened(long conversationId, CurrentUser user);
}
