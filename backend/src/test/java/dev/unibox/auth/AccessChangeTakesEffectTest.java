package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import org.junit.jupiter.api.Test;

/**
 * A token carries only who the user is: a change of shops takes effect on the very next request made
 * with a token issued before the change (nothing is trusted from the token); a change of role ends the
 * token (docs/security.md, "Sessions").
 */
@InboxTest
class AccessChangeTakesEffectTest {

  private TestInbox inbox;

  @Test
  void shopsTakenAwayOrGivenApplyToAStillValidToken() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0, TestInbox.ACCOUNT_MY);
    String token = inbox.login("lin");
    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811701", "ana", "Ada stok?"));
    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "911701", "bo", "請問有貨嗎"));
    long my = inbox.count("SELECT id FROM conversations WHERE account_id = $1", TestInbox.ACCOUNT_MY);
    long tw = inbox.count("SELECT id FROM conversations WHERE account_id = $1", TestInbox.ACCOUNT_TW);
    assertThat(inbox.get(token, "/api/conversations/" + my).statusCode()).isEqualTo(200);
    assertThat(inbox.get(token, "/api/conversations/" + tw).statusCode()).isEqualTo(403);

    sql("DELETE FROM user_accounts WHERE user_id = " + lin);
    sql("INSERT INTO user_accounts (user_id, account_id) VALUES (" + lin + ", '" + TestInbox.ACCOUNT_TW + "')");

    assertThat(inbox.get(token, "/api/conversations/" + my).statusCode()).isEqualTo(403);
    assertThat(inbox.get(token, "/api/conversations/" + tw).statusCode()).isEqualTo(200);
    assertThat(inbox.get(token, "/api/conversations").bodyAsJsonObject().getJsonArray("conversations").stream()
        .map(c -> ((io.vertx.core.json.JsonObject) c).getLong("id")).toList()).containsExactly(tw);
  }

  @Test
  void aRoleChangeEndsTheTokenAndTheNextLoginHasTheNewRole() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    String token = inbox.login("lin");
    assertThat(inbox.get(token, "/api/supervisor/commands").statusCode()).isEqualTo(200);
    assertThat(inbox.get(token, "/api/admin/accounts").statusCode()).isEqualTo(403);

    // even written straight into the database, a role change revokes the user's tokens (trigger of V19)
    sql("UPDATE users SET role = 'agent', max_concurrent = 3 WHERE id = " + lin);
    assertThat(inbox.get(token, "/api/supervisor/commands").statusCode()).isEqualTo(401);
    assertThat(inbox.get(inbox.login("lin"), "/api/supervisor/commands").statusCode()).isEqualTo(403);

    sql("UPDATE users SET role = 'admin' WHERE id = " + lin);
    assertThat(inbox.get(inbox.login("lin"), "/api/admin/accounts").statusCode()).isEqualTo(200);
  }

  private void sql(String statement) throws Exception {
    Await.result(inbox.db.pool().query(statement).execute());
  }
}
