package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Demo logins never survive into a normal start: a demo database refuses it, and the other way round. */
@ExtendWith(VertxExtension.class)
class InstanceModeTest {

  @Test
  void aNormalStartOnTheDemosDatabaseIsRefusedClearly(Vertx vertx) throws Exception {
    Database demo = TestDatabases.fresh(vertx);
    Await.result(InstanceMode.claim(demo.pool(), true));
    Await.result(InstanceMode.claim(demo.pool(), true));
    Throwable refused = Await.failure(InstanceMode.claim(demo.pool(), false));
    assertThat(refused.getMessage()).contains("created by the demo").contains("--demo");

    Database real = TestDatabases.fresh(vertx);
    Await.result(InstanceMode.claim(real.pool(), false));
    assertThat(Await.failure(InstanceMode.claim(real.pool(), true)).getMessage()).contains("holds real work");
    Await.result(demo.close());
    Await.result(real.close());
  }
}
