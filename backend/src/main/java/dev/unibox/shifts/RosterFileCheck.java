package dev.unibox.shifts;

import dev.unibox.config.ConfigException;
import dev.unibox.config.SectionCheck;
import dev.unibox.config.UniboxConfig;
import java.util.List;

/** {@code routing.shifts} must name a readable roster file whose shifts are all valid. */
public final class RosterFileCheck implements SectionCheck {

  @Override
  public void check(UniboxConfig config, List<String> problems) {
    if (config.routing().shiftsFile() == null) {
      return;
    }
    try {
      RosterFile.load(config.routing().shiftsFile());
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
  }
}
