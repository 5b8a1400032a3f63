package dev.unibox.cluster;

import java.util.List;
import java.util.function.Supplier;

/**
 * A family of leases spread over the live nodes: {@code account:} (one lease per platform account) or
 * {@code singleton:} (the SLA sweep, the shift clock...). Each node holds at most its fair share,
 * ceil(keys / live nodes), so a joining node gets work and a dying node's work is taken over.
 *
 * @param keys the keys that should be running now (an account removed at runtime drops out)
 */
public record LeaseGroup(String prefix, Supplier<List<String>> keys, LeasedWork work) {

  public String lease(String key) {
    return prefix + key;
  }

  public String key(String lease) {
    return lease.substring(prefix.length());
  }

  public boolean owns(String lease) {
    return lease.startsWith(prefix);
  }
}
