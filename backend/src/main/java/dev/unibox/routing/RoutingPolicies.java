package dev.unibox.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of routing policies by name (Rocket.Chat's RoutingManager pattern). */
public final class RoutingPolicies {

  private static final Map<String, Supplier<RoutingPolicy>> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put(PriorityPolicy.NAME, PriorityPolicy::new);
    REGISTRY.put(FifoRoundRobinPolicy.NAME, FifoRoundRobinPolicy::new);
    REGISTRY.put(DeadlinePolicy.NAME, DeadlinePolicy::new);
    REGISTRY.put(DeadlinePolicy.NO_URGENT_TIER,
        () -> new DeadlinePolicy(DeadlinePolicy.REACH, DeadlinePolicy.AGING, DeadlinePolicy.Tiers.NONE));
  }

  private RoutingPolicies() {}

  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** @throws IllegalArgumentException for an unknown name (the service then refuses to start) */
  public static RoutingPolicy byName(String name) {
    Supplier<RoutingPolicy> p = REGISTRY.get(name);
    if (p == null) {
      throw new IllegalArgumentException("Unknown routing policy '" + name + "' (known: " + names() + ")");
    }
    return p.get();
  }
}
