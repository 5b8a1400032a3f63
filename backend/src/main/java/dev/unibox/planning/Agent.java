package dev.unibox.planning;

import dev.unibox.domain.LanguageDetector;
import java.util.Set;

/**
 * An enabled agent who serves a planned shop, as the plan counts them: who, the buyer languages they take (empty =
 * any, as the router matches) and how many chats at once.
 */
record Agent(String username, Set<String> languages, int maxConcurrent) {

  Agent {
    languages = Set.copyOf(languages);
  }

  /** The router gives this agent a buyer of that language (an undetermined language goes to anyone). */
  boolean speaks(String language) {
    return languages.isEmpty() || languages.contains(language) || LanguageDetector.UNDETERMINED.equals(language);
  }
}
