package dev.unibox.auth;

import dev.unibox.config.SectionCheck;
import dev.unibox.config.UniboxConfig;
import java.util.List;

/** The first admin's password, when given, follows the same policy as every password. */
public final class BootstrapPasswordCheck implements SectionCheck {

  @Override
  public void check(UniboxConfig config, List<String> problems) {
    String password = config.auth().adminPassword();
    String problem = password.isEmpty() ? null : PasswordPolicy.problem(password);
    if (problem != null) {
      problems.add("auth.bootstrapAdmin.password: " + problem);
    }
  }
}
