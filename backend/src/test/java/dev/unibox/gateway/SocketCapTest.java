package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user holds at most http.maxSocketsPerUser sockets (5 in tests): one more is closed with 4429, and a closed one frees its place. */
@InboxTest
class SocketCapTest {

  private TestInbox inbox;

  @Test
  void theSixthSocketOfAUserIsRefused() throws Exception {
    String token = inbox.loggedIn("mei", "agent", 3);
    List<AgentSocket> open = new ArrayList<>();
    try {
      int cap = new UniboxConfig.HttpConfig("127.0.0.1", 0).maxSocketsPerUser();
      for (int i = 0; i < cap; i++) {
        AgentSocket s = inbox.socket(token, 0);
        s.hello();
        open.add(s);
      }
      try (AgentSocket extra = inbox.socket(token, 0)) {
        assertThat(extra.awaitClosed()).isEqualTo((short) 4429);
      }
      open.remove(0).close();
      Await.until("the server saw the close", () -> sockets() == cap - 1);
      try (AgentSocket again = inbox.socket(token, 0)) {
        assertThat(again.hello()).isNotNull();
      }
    } finally {
      for (AgentSocket s : open) {
        s.close();
      }
    }
  }

  private double sockets() {
    return inbox.app.meters().get("unibox_sockets_open").gauge().value();
  }
}
