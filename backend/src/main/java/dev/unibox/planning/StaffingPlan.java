package dev.unibox.planning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A computed plan for one day and its JSON (docs/api.md, "Staffing plan"): the forecast, the staffing each hour needs,
 * the roster's coverage, the standby to add and the surge windows.
 *
 * @param historyFrom the history read: [historyFrom, historyTo)
 */
record StaffingPlan(LocalDate date, ZoneId zone, PlanRequest request, int chatsPerAgent, Instant historyFrom,
                    Instant historyTo, long conversations, Forecast forecast, List<HourPlan> hours,
                    List<Coverage> coverage, List<String> standby, StandbyChoice choice, List<SurgeWindow> windows) {

  JsonObject json() {
    Targets t = request.targets();
    JsonArray hourList = new JsonArray();
    for (int h = 0; h < hours.size(); h++) {
      HourPlan p = hours.get(h);
      Coverage c = coverage.get(h);
      JsonObject arrivals = new JsonObject();
      forecast.hours().get(h).arrivals().forEach((l, n) -> arrivals.put(l, round(n, 2)));
      hourList.add(new JsonObject().put("hour", p.hour()).put("arrivals", arrivals).put("agents", p.agents())
          .put("speakers", counts(p.speakers())).put("urgentRate", round(p.urgentRate(), 4))
          .put("regularRate", round(p.regularRate(), 4)).put("occupancy", round(p.occupancy(), 4))
          .put("urgentCeiling", round(p.urgentCeiling(), 4)).put("regularCeiling", round(p.regularCeiling(), 4))
          .put("onShift", c.onShift()).put("onShiftSpeakers", counts(c.onShiftSpeakers()))
          .put("standbyNeeded", c.standbyNeeded()).put("standbyNeededByLanguage", counts(c.standbyNeededByLanguage())));
    }
    return new JsonObject().put("date", date.toString()).put("zone", zone.getId()).put("days", request.days())
        .put("chatsPerAgent", chatsPerAgent)
        .put("targets", new JsonObject().put("urgentSeconds", t.urgentWithin().toSeconds()).put("urgentRate", t.urgentRate())
            .put("regularSeconds", t.regularWithin().toSeconds()).put("regularRate", t.regularRate()))
        .put("history", new JsonObject().put("conversations", conversations)
            .put("seatSeconds", round(forecast.seatSeconds(), 1)).put("answerSeconds", round(forecast.answers().mean(), 1))
            .put("urgentShare", round(forecast.urgentShare(), 4)).put("defaults", forecast.defaults())
            .put("from", historyFrom.toString()).put("to", historyTo.toString()))
        .put("hours", hourList)
        .put("standby", new JsonObject().put("current", new JsonArray(standby))
            .put("proposed", new JsonArray(choice.proposed())).put("needed", choice.needed())
            .put("neededByLanguage", counts(choice.neededByLanguage())).put("missing", counts(choice.missing()))
            .put("missingAgents", choice.missingAgents()))
        .put("surgeWindows", windowsJson());
  }

  JsonArray windowsJson() {
    JsonArray out = new JsonArray();
    windows.forEach(w -> out.add(new JsonObject().put("start", SurgeWindow.clock(w.start(date, zone), date, zone))
        .put("end", SurgeWindow.clock(w.end(date, zone), date, zone)).put("agents", new JsonArray(w.agents()))));
    return out;
  }

  private static JsonObject counts(Map<String, Integer> byLanguage) {
    JsonObject out = new JsonObject();
    byLanguage.forEach(out::put);
    return out;
  }

  private static double round(double v, int places) {
    double scale = Math.pow(10, places);
    return Math.round(v * scale) / scale;
  }
}
