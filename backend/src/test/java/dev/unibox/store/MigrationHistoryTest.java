package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migrations are one linear history: versions 1..N with no gap, applied in that order, and a database
 * that misses a version below the one it is at is refused instead of patched out of order.
 */
@ExtendWith(VertxExtension.class)
class MigrationHistoryTest {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

  @Test
  void versionsRunFromOneWithoutAGapAndAFreshDatabaseAppliesThemAllInOrder(Vertx vertx) throws Exception {
    List<Integer> versions = versions();
    assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());

    Database db = TestDatabases.fresh(vertx);
    try {
      List<Integer> applied = new ArrayList<>();
      Await.result(db.pool().query("""
          SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
          ORDER BY installed_rank""").execute()).forEach(r -> applied.add(Integer.parseInt(r.getString(0))));
      assertThat(applied).containsExactlyElementsOf(versions);
    } finally {
      Await.result(db.close());
    }
  }

  @Test
  void aDatabaseMissingAnEarlierVersionIsRefusedNotMigratedOutOfOrder(Vertx vertx) throws Exception {
    Database db = TestDatabases.fresh(vertx);
    try {
      // as if version 9 had been added below a version the database already has
      Await.result(db.pool().query("""
          DROP TABLE event_log_retention;
          DELETE FROM flyway_schema_history WHERE version = '9'""").execute());

      assertThatThrownBy(() -> Database.migrate(TestDatabases.options(db))).hasMessageContaining("9");
      assertThat(Await.result(db.pool().query("SELECT to_regclass('event_log_retention') IS NULL").execute())
          .iterator().next().getBoolean(0)).as("nothing applied out of order").isTrue();
    } finally {
      Await.result(db.close());
    }
  }

  private static List<Integer> versions() throws Exception {
    URI dir = MigrationHistoryTest.class.getResource("/db/migration").toURI();
    List<Integer> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      for (Path f : files.toList()) {
        Matcher m = VERSIONED.matcher(f.getFileName().toString());
        assertThat(m.matches()).as("migration file name %s", f.getFileName()).isTrue();
        out.add(Integer.parseInt(m.group(1)));
      }
    }
    out.sort(null);
    return out;
  }
}
