package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a quick reply well-formed, and who may manage one (team-wide: all-shop supervisors and admins). */
final class QuickReplyChecks {

  private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  static final int MAX_TEXT = 2000;

  private QuickReplyChecks() {}

  /** Every problem of a quick reply's JSON, empty when it is well-formed. */
  static List<String> problems(JsonObject body) {
    List<String> p = new ArrayList<>();
    if (!(body.getValue("shortcut") instanceof String s) || !SHORTCUT.matcher(s).matches()) {
      p.add("shortcut: 1-32 lower-case letters, digits, - or _ (typed as /shortcut)");
    }
    if (!(body.getValue("title") instanceof String t) || t.isBlank() || t.length() > 100) {
      p.add("title: 1-100 characters");
    }
    Object account = body.getValue("accountId");
    if (account != null && !(account instanceof String)) {
      p.add("accountId: a shop's account id, or null for the whole team");
    }
    Object team = body.getValue("team");
    if (team != null && (!(team instanceof String t) || t.length() > 40)) {
      p.add("team: a label of at most 40 characters, or null");
    }
    if (!(body.getValue("variants") instanceof JsonObject variants) || variants.isEmpty()) {
      p.add("variants: at least one text, by language ({\"en\": \"…\", \"zh\": \"…\"})");
    } else {
      variants.forEach(e -> {
        if (!LANGUAGE.matcher(e.getKey()).matches()) {
          p.add("variants." + e.getKey() + ": a language code such as en, zh, th, vi, ms or zh-Hant");
        }
        if (!(e.getValue() instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
          p.add("variants." + e.getKey() + ": a text of 1-" + MAX_TEXT + " characters");
        }
      });
    }
    return p;
  }

  /** 400 listing the problems, 400 for an unknown shop, 403 when the user may not write to that scope. */
  static void requireWritable(JsonObject body, CurrentUser user, java.util.Set<String> knownShops) {
    List<String> problems = problems(body);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("invalid_quick_reply", String.join("; ", problems));
    }
    String account = body.getString("accountId");
    if (account != null && !knownShops.contains(account)) {
      throw ApiException.badRequest("invalid_quick_reply", "accountId: no shop " + account);
    }
    if (!mayManage(user, account)) {
      throw ApiException.forbidden(account == null ? "Only supervisors of all shops and admins may share a quick reply"
          + " with the whole team" : "This shop is not yours");
    }
  }

  /** 403 when the existing quick reply's shop is not the user's. */
  static void requireManager(CurrentUser user, JsonObject quickReply) {
    if (!mayManage(user, quickReply.getString("accountId"))) {
      throw ApiException.forbidden("This quick reply belongs to a shop that is not yours");
    }
  }

  private static boolean mayManage(CurrentUser user, String account) {
    return account == null ? user.allAccounts() || "admin".equals(user.role()) : user.mayServe(account);
  }

  /** The entry to store from a checked body. */
  static QuickReplyStore.Entry entry(JsonObject body, String seedKey, Long createdBy) {
    String team = body.getString("team");
    return new QuickReplyStore.Entry(body.getString("shortcut"), body.getString("title").strip(),
        body.getString("accountId"), team == null || team.isBlank() ? null : team.strip(), body.getJsonObject("variants"),
        seedKey, createdBy);
  }

  static ApiException taken(JsonObject body) {
    return new ApiException(409, "shortcut_taken", "/" + body.getString("shortcut") + " already exists for "
        + (body.getString("accountId") == null ? "the whole team" : "this shop"));
  }
}
