package dev.unibox.quality;

import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.Texts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills quick replies for one conversation: {buyerName}, {shopName}, {orderNumber} (found in the buyer's
 * messages by the shop's rules) and {trackingLink}; the text in the conversation's language (or the shop's
 * default), every language rendered, and which variables had no value. Entries with no usable text are left out.
 */
final class QuickReplyRendering {

  private QuickReplyRendering() {}

  static JsonArray render(RuleSet set, QuickReplyStore.ConversationFacts facts, JsonArray quickReplies) {
    String order = set.orderNumber(facts.buyerTexts());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("buyerName", facts.buyerName());
    values.put("shopName", facts.shopName());
    values.put("orderNumber", order);
    values.put("trackingLink", set.trackingLink(order));
    JsonArray out = new JsonArray();
    for (Object o : quickReplies) {
      JsonObject q = (JsonObject) o;
      Map<String, String> variants = new LinkedHashMap<>();
      q.getJsonObject("variants").forEach(e -> variants.put(e.getKey(), String.valueOf(e.getValue())));
      Texts.Variant v = Texts.pick(variants, facts.language(), set.autoReplies().defaultLanguage());
      if (v == null) {
        continue;
      }
      Texts.Rendered rendered = Texts.render(v.text(), values);
      JsonObject renderedByLanguage = new JsonObject();
      variants.forEach((lang, text) -> renderedByLanguage.put(lang, Texts.render(text, values).text()));
      out.add(q.put("language", v.language()).put("text", rendered.text())
          .put("missing", new JsonArray(rendered.missing())).put("rendered", renderedByLanguage));
    }
    return out;
  }
}
