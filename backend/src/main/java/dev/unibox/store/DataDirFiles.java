package dev.unibox.store;

import java.nio.file.Path;

/**
 * The service's own files for an embedded data directory, kept beside it (initdb wants the directory
 * itself empty): {@code data/pg} has {@code data/pg.lock}, {@code data/pg.password} (the database
 * password) and {@code data/pg.jwt.key} (the session signing key).
 */
public final class DataDirFiles {

  private DataDirFiles() {}

  public static Path lock(Path dataDir) {
    return beside(dataDir, ".lock");
  }

  public static Path postgresPassword(Path dataDir) {
    return beside(dataDir, ".password");
  }

  public static Path jwtKey(Path dataDir) {
    return beside(dataDir, ".jwt.key");
  }

  /** The accounts' credential key when UNIBOX_CREDENTIALS_KEY is not set: in the folder that holds the data directory. */
  public static Path credentialsKey(Path dataDir) {
    Path data = dataDir.toAbsolutePath();
    return (data.getParent() == null ? data : data.getParent()).resolve("credentials.key");
  }

  private static Path beside(Path dataDir, String suffix) {
    Path dir = dataDir.toAbsolutePath().normalize();
    return dir.resolveSibling(dir.getFileName() + suffix);
  }
}
