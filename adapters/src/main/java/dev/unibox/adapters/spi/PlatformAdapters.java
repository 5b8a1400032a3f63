package dev.unibox.adapters.spi;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the factory for a platform name. Zero or several matches fail loudly: config is wrong or the build is. */
public final class PlatformAdapters {

  private PlatformAdapters() {}

  public static PlatformAdapterFactory factory(String platform) {
    List<PlatformAdapterFactory> matches = ServiceLoader.load(PlatformAdapterFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.platform().equals(platform))
        .toList();
    if (matches.isEmpty()) {
      throw new IllegalStateException("No adapter for platform '" + platform + "' on the class path");
    }
    if (matches.size() > 1) {
      throw new IllegalStateException("Several adapters claim platform '" + platform + "': "
          + matches.stream().map(f -> f.getClass().getName()).toList());
    }
    return matches.get(0);
  }

  public static List<String> platforms() {
    return ServiceLoader.load(PlatformAdapterFactory.class).stream()
        .map(p -> p.get().platform()).sorted().toList();
  }
}
