package dev.unibox.adapters.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small thread-safe memories that forget their eldest entry beyond a size. */
public final class BoundedMaps {

  private BoundedMaps() {}

  /** Forgets the entry written longest ago, or read longest ago when {@code byLastAccess}. */
  public static <K, V> Map<K, V> keepingAtMost(int max, boolean byLastAccess) {
    return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(max, 256), 0.75f, byLastAccess) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    });
  }
}
