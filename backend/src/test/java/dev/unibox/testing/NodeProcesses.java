package dev.unibox.testing;

import io.vertx.ext.web.client.WebClient;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real Unibox services as child JVMs (the test's own class path, {@code dev.unibox.Main}), each with its own
 * HTTP port (and Hazelcast port when clustered); killed with SIGKILL or stopped with SIGTERM like in
 * production.
 */
public final class NodeProcesses implements AutoCloseable {

  public record Node(String name, int httpPort, Process process, Path log) {
    public String url() {
      return "http://127.0.0.1:" + httpPort;
    }

    public String output() throws IOException {
      return Files.readString(log);
    }
  }

  private final Path dir;
  private final Map<String, String> env;
  private final List<String> jvmOptions;
  private final List<Node> nodes = new ArrayList<>();

  /** Nodes that start fast (small heap, C1 only): what tests want. */
  public NodeProcesses(Path dir, Map<String, String> env) {
    this(dir, env, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
  }

  /** @param jvmOptions heap and JIT flags of every node (benchmarks want the full JIT) */
  public NodeProcesses(Path dir, Map<String, String> env, List<String> jvmOptions) {
    this.dir = dir;
    this.env = env;
    this.jvmOptions = jvmOptions;
  }

  /** Every node started so far, in start order (killed ones included). */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts a node with the given extra YAML (its HTTP port is added) and waits until it is ready. */
  public Node start(String name, String yaml, WebClient http) throws Exception {
    Node node = launch(name, yaml);
    awaitReady(node, http);
    return node;
  }

  /** Starts a node without waiting for it (e.g. one expected to refuse to start). */
  public Node launch(String name, String yaml) throws IOException {
    int port = freePort();
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, yaml + "\nhttp:\n  host: 127.0.0.1\n  port: " + port + "\n");
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Djava.net.preferIPv4Stack=true",
        "-Dhazelcast.local.localAddress=127.0.0.1", "-Dhazelcast.wait.seconds.before.join=0",
        "-cp", classPath(), "dev.unibox.Main", "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Node node = new Node(name, port, pb.start(), log);
    nodes.add(node);
    return node;
  }

  /**
   * The class path this code runs on. Under exec:java (benchmark harnesses) that is the plugin's class loader,
   * not {@code java.class.path}, which there is Maven's own.
   */
  public static String classPath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      List<String> paths = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        try {
          paths.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException("not a file on the class path: " + url, e);
        }
      }
      return String.join(File.pathSeparator, paths);
    }
    return System.getProperty("java.class.path");
  }

  public static void awaitReady(Node node, WebClient http) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    Object monitor = new Object();
    while (System.nanoTime() < deadline) {
      if (!node.process().isAlive()) {
        throw new AssertionError(node.name() + " exited: " + Files.readString(node.log()));
      }
      try {
        if (Await.result(http.getAbs(node.url() + "/health/ready").send()).statusCode() == 200) {
          return;
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      synchronized (monitor) {
        monitor.wait(200);
      }
    }
    throw new AssertionError(node.name() + " not ready in time: " + Files.readString(node.log()));
  }

  @Override
  public void close() {
    nodes.forEach(n -> n.process().destroyForcibly());
    for (Node n : nodes) {
      try {
        n.process().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

}
