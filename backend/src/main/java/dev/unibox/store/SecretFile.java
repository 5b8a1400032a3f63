package dev.unibox.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small secret (a key, a password) in a file only its owner may read. It is written to a temporary file
 * that is owner-only from its creation, flushed, then renamed into place, so no one ever sees it
 * half-written or with wider permissions.
 */
public final class SecretFile {

  private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private SecretFile() {}

  /** The file's content (trimmed); when the file is missing it is created with {@code fresh}'s value. */
  public static String readOrCreate(Path file, Supplier<String> fresh) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    String value = fresh.get();
    write(file, value);
    return value;
  }

  /** Reads the secret; a file others may read is narrowed to owner-only (and said so in the log). */
  public static String read(Path file) throws IOException {
    if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      LOG.warn("{} was readable by others; narrowed to owner-only (rw-------)", file);
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    return Files.readString(file).trim();
  }

  /** Writes (or replaces) the secret atomically, owner-only from the first byte. */
  public static void write(Path file, String value) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = posix(dir)
        ? Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", ownerOnly())
        : Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        out.write(StandardCharsets.UTF_8.encode(value));
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
