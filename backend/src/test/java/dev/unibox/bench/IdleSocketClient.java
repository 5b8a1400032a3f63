package dev.unibox.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client end of {@link IdleSocketBenchmark}, in a JVM of its own so that the server's resident memory
 * holds only the server's end of each socket (and each process stays under the sandbox's open-files limit).
 *
 * <p>Arguments: port, sockets per user, last event position, {@code on|off} for permessage-deflate. Reads one
 * session token per line from standard input up to an empty line, opens the sockets, prints
 * {@code ready <count>} once every socket has its hello, and keeps them open until standard input ends.
 */
public final class IdleSocketClient {

  private IdleSocketClient() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int perUser = Integer.parseInt(args[1]);
    long lastSeq = Long.parseLong(args[2]);
    boolean compression = "on".equals(args[3]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> tokens = new ArrayList<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      tokens.add(line);
    }
    Vertx vertx = Vertx.vertx();
    List<WebSocket> sockets = BenchSockets.connect(vertx, port, tokens, perUser, lastSeq, compression, null);
    long closed = sockets.stream().filter(WebSocket::isClosed).count();
    System.out.println("ready " + sockets.size() + " closed " + closed);
    System.out.flush();
    while (in.read() >= 0) {
      // held open until the harness closes our standard input
    }
    long closedAtEnd = sockets.stream().filter(WebSocket::isClosed).count();
    System.out.println("closed before the end " + closedAtEnd);
    System.out.flush();
  }
}
