package dev.unibox.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service per embedded data directory: an exclusive lock on {@code <dataDir>.lock}, held for as long
 * as the service runs. The operating system drops it when the process dies, even by {@code kill -9}, so a
 * held lock always means a live service, and a PostgreSQL left on the directory without it is an orphan.
 */
public final class DataDirLock implements AutoCloseable {

  private final Path file;
  private final FileLock lock;

  private DataDirLock(Path file, FileLock lock) {
    this.file = file;
    this.lock = lock;
  }

  /** Takes the lock or fails at once with {@link InUse} naming the directory and the holder's process. */
  public static DataDirLock acquire(Path dataDir) throws IOException {
    Path file = DataDirFiles.lock(dataDir);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new InUse(dataDir, file, holder(file));
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
    channel.force(true);
    return new DataDirLock(file, lock);
  }

  private static String holder(Path file) {
    try {
      String pid = Files.readString(file).trim();
      return pid.isEmpty() ? "unknown" : pid;
    } catch (IOException e) {
      return "unknown";
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    // the file stays: deleting it would let a newcomer lock a fresh inode while another waits on the old one
    lock.release();
    lock.channel().close();
  }

  /** Another live service holds the directory. */
  public static final class InUse extends IllegalStateException {
    InUse(Path dataDir, Path file, String holder) {
      super("The data directory " + dataDir + " is already in use by another Unibox service (process " + holder
          + ", lock " + file + "). Two services must never share one database directory: stop the other "
          + "service first, or give this one its own database.embeddedDataDir.");
    }
  }
}
