package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.util.Map;

/**
 * A shop's automatic replies: a first-contact greeting, an off-hours reply and a surge reply
 * ("we have your message, an agent is coming"), each on or off with a text per language; the shop's
 * business hours; the platform's limit (Shopee: at most one auto-reply per buyer per 24 h) and how old a
 * buyer message may be and still get one (none for a backlog found after an outage).
 */
public record AutoReplySettings(String defaultLanguage, BusinessHours hours, int maxAgeMinutes, int limitMax,
                                int limitPerHours, Kind greeting, Kind offHours, Kind surge) {

  /** One kind of auto-reply; {@code afterSeconds} only for the surge reply. */
  public record Kind(boolean enabled, Map<String, String> text, int afterSeconds) {
    public boolean usable() {
      return enabled && !text.isEmpty();
    }
  }

  public boolean anyEnabled() {
    return greeting.usable() || offHours.usable() || surge.usable();
  }

  /** Whether a platform limit applies (max 0 = none). */
  public boolean limited() {
    return limitMax > 0;
  }

  static AutoReplySettings from(JsonNode node) {
    JsonNode n = node == null ? QualityDocuments.empty() : node;
    JsonNode h = n.path("businessHours");
    var days = BusinessHours.parseDays(h.path("days").asText("mon-sun"));
    BusinessHours hours = new BusinessHours(days == null ? BusinessHours.ALWAYS.days() : days,
        LocalTime.parse(h.path("open").asText("00:00")), LocalTime.parse(h.path("close").asText("00:00")));
    return new AutoReplySettings(n.path("defaultLanguage").asText("en"), hours, n.path("maxAgeMinutes").asInt(60),
        n.path("limit").path("max").asInt(0), n.path("limit").path("perHours").asInt(24),
        kind(n.get("greeting")), kind(n.get("offHours")), kind(n.get("surge")));
  }

  private static Kind kind(JsonNode k) {
    if (k == null || !k.isObject()) {
      return new Kind(false, Map.of(), 0);
    }
    return new Kind(k.path("enabled").asBoolean(false), QualityDocuments.texts(k.get("text")),
        k.path("afterSeconds").asInt(90));
  }
}
