package dev.unibox.config;

import java.util.List;

/**
 * A check a feature package adds to configuration loading, for settings only that feature can judge
 * (a routing policy's name, the roster file's shifts). Found with {@link java.util.ServiceLoader}, so the
 * config package stays a leaf that imports no feature; its problems are listed with every other one.
 */
public interface SectionCheck {

  /** Adds one line per problem, naming the setting (e.g. {@code routing.policy: ...}). */
  void check(UniboxConfig config, List<String> problems);
}
