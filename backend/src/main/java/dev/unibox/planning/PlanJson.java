package dev.unibox.planning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A plan as the web app reads it: per hour, per language, with the hour's standby total. */
final class PlanJson {

  private PlanJson() {}

  static JsonObject of(StaffingPlanner.Plan plan, StaffingPlanner.Targets t) {
    JsonArray hours = new JsonArray();
    for (int h = 0; h < 24; h++) {
      JsonArray languages = new JsonArray();
      int agents = 0;
      for (var e : plan.hours().get(h).entrySet()) {
        StaffingPlanner.Need n = e.getValue();
        agents += n.agents();
        languages.add(new JsonObject().put("language", e.getKey()).put("perHour", Math.round(n.perHour() * 10) / 10.0)
            .put("agents", n.agents()).put("rostered", n.rostered()).put("standby", n.standby()));
      }
      hours.add(new JsonObject().put("hour", h).put("agents", agents).put("standby", plan.standbyAt(h))
          .put("languages", languages));
    }
    return new JsonObject().put("hours", hours).put("targets", new JsonObject()
        .put("urgentRate", t.urgentRate()).put("urgentSeconds", t.urgentSeconds())
        .put("regularRate", t.regularRate()).put("regularSeconds", t.regularSeconds())
        .put("maxOccupancy", t.maxOccupancy()));
  }
}
