package dev.unibox;

import dev.unibox.config.ConfigException;
import dev.unibox.config.ConfigLoader;
import dev.unibox.cluster.NodeRuntime;
import dev.unibox.config.UniboxConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the inbox. Arguments: {@code --demo} (fake Shopee, simulated buyers, demo users),
 * {@code --config FILE} (extra YAML over config/unibox.yaml). See README for every setting.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> argv = List.of(args);
    boolean demo = argv.contains("--demo");
    int configAt = argv.indexOf("--config");
    String external = configAt >= 0 && configAt + 1 < argv.size() ? argv.get(configAt + 1) : System.getenv("UNIBOX_CONFIG");
    Path configDir = Path.of(System.getenv().getOrDefault("UNIBOX_CONFIG_DIR", "config"));

    UniboxConfig config;
    try {
      config = ConfigLoader.load(configDir, external == null ? null : Path.of(external), demo, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    UniboxConfig started = config;
    PrometheusMeterRegistry meters = UniboxApp.newRegistry();
    NodeRuntime node;
    try {
      node = NodeRuntime.start(config.cluster(), meters).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Unibox could not join its cluster: " + e.getMessage());
      System.exit(1);
      return;
    }
    Vertx vertx = node.vertx();
    UniboxApp.start(node, meters, config, Clock.systemUTC())
        .onSuccess(app -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // awaited from this thread one after the other: a close chained on Vert.x's own event loop would
            // try to report back on a loop that is already gone
            try {
              app.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
              System.err.println("Unibox: stopping took too long or failed: " + e.getMessage());
            }
            try {
              vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              System.err.println("Unibox: closing Vert.x failed: " + e.getMessage());
            }
          }));
          printBanner(app, started);
        })
        .onFailure(e -> {
          System.err.println("Unibox could not start: " + e.getMessage());
          vertx.close().onComplete(v -> System.exit(1));
        });
  }

  private static void printBanner(UniboxApp app, UniboxConfig config) {
    StringBuilder b = new StringBuilder("\n  Unibox inbox is running: ").append(app.baseUrl()).append("\n");
    if (config.demo().enabled()) {
      b.append("  Demo logins (fake Shopee with simulated buyers is running):\n");
      config.demo().users().forEach(u -> b.append("    ").append(u.username()).append(" / ").append(u.password())
          .append("   (").append(u.role()).append(")\n"));
      b.append("    ").append(config.auth().adminUsername()).append(" / ").append(config.auth().adminPassword())
          .append("   (admin)\n");
    }
    System.out.println(b);
  }
}
