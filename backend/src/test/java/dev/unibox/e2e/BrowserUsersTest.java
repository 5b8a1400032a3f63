package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium (frontend/e2e/users.e2e.mjs): an admin working in Chinese creates an agent on the
 * Users page, the agent logs in with the initial password and must set their own before anything else,
 * and a supervisor gives them a conversation by name from the console and sees them as its owner in the
 * inbox list; the agent's inbox shows it live. Screenshots at desktop and phone width are kept in
 * target/browser-screenshots.
 */
@InboxTest
class BrowserUsersTest {

  private static final String NEW_PASS = "初始密码-mei-2026";
  private static final String OWN_PASS = "mei-chose-this-one";
  private static final String NEW_NAME = "梅 (Mei)";
  private static final String REASON = "Mei reads Chinese";

  private TestInbox inbox;

  @Test
  void anAdminCreatesAnAgentInChineseWhoLogsInAndReceivesAConversationByName() throws Exception {
    long lin = inbox.createUser("lin", "agent", 3, TestInbox.ACCOUNT_MY);
    inbox.createUser("ola", "agent", 3, TestInbox.ACCOUNT_MY); // offline: offered last, marked
    inbox.createUser("sup", "supervisor", 0, TestInbox.ACCOUNT_MY);
    inbox.markOnline(lin);
    inbox.buyerWrites(TestInbox.SHOP_MY, "811077", "xiaohong", "我的包裹到哪了？");
    inbox.awaitAssigned(lin, 1);
    long id = inbox.count("SELECT id FROM conversations");

    try (BrowserScript browser = inbox.browser("users.e2e.mjs", Map.ofEntries(
        Map.entry("ADMIN_USER", "admin"),
        Map.entry("ADMIN_PASS", TestInbox.ADMIN_PASSWORD), Map.entry("NEW_USER", "mei"), Map.entry("NEW_NAME", NEW_NAME),
        Map.entry("NEW_PASS", NEW_PASS), Map.entry("OWN_PASS", OWN_PASS), Map.entry("ACCOUNT", TestInbox.ACCOUNT_MY), Map.entry("SUP_USER", "sup"),
        Map.entry("SUP_PASS", "pw-sup"), Map.entry("CONVERSATION_ID", String.valueOf(id)), Map.entry("REASON", REASON)))) {
      assertThat(browser.lineAfter("ZH ", 120)).isEqualTo("用户管理|请输入 0 到 100 的整数。");
      browser.expect("CREATED", 60);
      long mei = inbox.count("SELECT id FROM users WHERE username = 'mei'");
      assertThat(inbox.count("SELECT max_concurrent FROM users WHERE id = $1", mei)).isEqualTo(3);
      assertThat(inbox.count("SELECT count(*) FROM user_audit WHERE user_id = $1 AND action = 'created'", mei)).isEqualTo(1);
      browser.expect("MUST_CHANGE", 60);
      assertThat(inbox.count("SELECT count(*) FROM users WHERE id = $1 AND password_temporary", mei)).isEqualTo(1);
      browser.expect("AGENT_IN", 60);
      assertThat(inbox.count("SELECT count(*) FROM users WHERE id = $1 AND password_temporary", mei))
          .as("the agent chose their own password").isZero();
      List<String> order = Arrays.asList(browser.lineAfter("TARGETS ", 60).split(","));
      assertThat(order).contains("online", "offline");
      assertThat(order.lastIndexOf("online")).as("online colleagues before offline ones").isLessThan(order.indexOf("offline"));
      assertThat(browser.lineAfter("OWNER ", 60)).as("owner column of the supervisor's inbox").contains(NEW_NAME);
      browser.expectDone(90);
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).isEqualTo(mei);
    }
    Path shots = Path.of("target", "browser-screenshots");
    for (String name : List.of("users", "console", "agent-inbox")) {
      for (String size : List.of("desktop", "phone")) {
        assertThat(Files.size(shots.resolve(name + "-" + size + ".png"))).as(name + " " + size).isPositive();
      }
    }
  }
}
