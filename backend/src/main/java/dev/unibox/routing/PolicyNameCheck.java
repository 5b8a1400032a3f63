package dev.unibox.routing;

import dev.unibox.config.SectionCheck;
import dev.unibox.config.UniboxConfig;
import java.util.List;

/** {@code routing.policy} must name a registered routing policy. */
public final class PolicyNameCheck implements SectionCheck {

  @Override
  public void check(UniboxConfig config, List<String> problems) {
    String policy = config.routing().policy();
    if (!RoutingPolicies.names().contains(policy)) {
      problems.add("routing.policy: '" + policy + "' is not a routing policy (known: " + RoutingPolicies.names() + ")");
    }
  }
}
