package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the rollups for a filter and derives the metrics of docs/reports.md, one object per group. */
public record ReportService(Pool pool) {

  /** {groups: [...], total: {...}}: one query for the groups; the total is their sum. */
  public Future<JsonObject> report(ReportFilter f) {
    if (f.accounts().isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("groups", new JsonArray()).put("total", metrics("all", Map.of(), null)));
    }
    return ReportQueryStore.report(pool, f).compose(r -> Future.all(labels(f, r.groups()), workload(f, r.groups()))
        .map(both -> answer(f, r, both.resultAt(0), both.resultAt(1))));
  }

  private static JsonObject answer(ReportFilter f, ReportQueryStore.Report r, Map<String, String> labels,
                                   Map<String, WorkloadStore.Workload> loads) {
    ReportQueryStore.Totals groups = r.groups();
    JsonArray out = new JsonArray();
    groups.sums().forEach((k, sums) -> {
      JsonObject g = metrics(k, sums, groups.histograms().get(k)).put("label", labels.getOrDefault(k, k));
      if (loads != null && !("agent".equals(f.groupBy()) && "0".equals(k))) {
        g.put("workload", workload(loads.get(k)));
      }
      out.add(g);
    });
    ReportQueryStore.Totals t = r.total();
    JsonObject total = metrics("all", t.sums().getOrDefault("all", Map.of()), t.histograms().get("all"));
    if (loads != null) {
      total.put("workload", workload(loads.get("all")));
    }
    return new JsonObject().put("groupBy", f.groupBy()).put("from", f.from().toString()).put("to", f.to().toString())
        .put("groups", out).put("total", total);
  }

  /**
   * Per agent, hour of day, clock hour or shift (with a zone): online time, chats held and capacity from the
   * presence history; "all" is the agents together (their online time, chat- and capacity-seconds added, the
   * highest peak). Without a zone, or grouped otherwise, none.
   */
  private Future<Map<String, WorkloadStore.Workload>> workload(ReportFilter f, ReportQueryStore.Totals t) {
    if (!WorkloadStore.groups(f.groupBy()) || f.zone() == null) {
      return Future.succeededFuture(null);
    }
    if (!"agent".equals(f.groupBy())) {
      return WorkloadStore.grouped(pool, f);
    }
    List<Long> agents = t.sums().keySet().stream().filter(k -> !"0".equals(k)).map(Long::valueOf).toList();
    return WorkloadStore.read(pool, agents, f.from(), f.to(), f.zone()).map(byAgent -> {
      Map<String, WorkloadStore.Workload> out = new HashMap<>();
      byAgent.forEach((id, w) -> out.put(id.toString(), w));
      out.put("all", byAgent.values().stream().reduce(new WorkloadStore.Workload(0, 0, 0, 0),
          (a, b) -> new WorkloadStore.Workload(a.onlineSeconds() + b.onlineSeconds(), a.chatSeconds() + b.chatSeconds(),
              a.capacitySeconds() + b.capacitySeconds(), Math.max(a.peakChats(), b.peakChats()))));
      return out;
    });
  }

  /**
   * Online hours; chats held on average and at most while online; utilisation = chat-seconds held ÷
   * capacity-seconds (max concurrent chats × online seconds). Rates are null without online time.
   */
  static JsonObject workload(WorkloadStore.Workload w) {
    WorkloadStore.Workload x = w == null ? new WorkloadStore.Workload(0, 0, 0, 0) : w;
    return new JsonObject().put("onlineHours", Math.round(x.onlineSeconds() / 36.0) / 100.0)
        .put("averageChats", x.onlineSeconds() == 0 ? null : Math.round(x.chatSeconds() / x.onlineSeconds() * 100) / 100.0)
        .put("peakChats", x.peakChats())
        .put("utilisation", x.capacitySeconds() == 0 ? null : x.chatSeconds() / x.capacitySeconds());
  }

  private Future<Map<String, String>> labels(ReportFilter f, ReportQueryStore.Totals t) {
    List<String> keys = new ArrayList<>(t.sums().keySet());
    if ("hour".equals(f.groupBy())) {
      Map<String, String> out = new HashMap<>();
      keys.forEach(k -> out.put(k, k + ":00–" + String.format("%02d", (Integer.parseInt(k) + 1) % 24) + ":00"));
      return Future.succeededFuture(out);
    }
    if ("dayhour".equals(f.groupBy())) {
      Map<String, String> out = new HashMap<>();
      keys.forEach(k -> out.put(k, k + ":00"));
      return Future.succeededFuture(out);
    }
    if ("shift".equals(f.groupBy())) {
      return ReportQueryStore.shiftLabels(pool).map(names -> {
        Map<String, String> out = new HashMap<>(names);
        out.put("", "Outside shifts");
        return out;
      });
    }
    if ("agent".equals(f.groupBy())) {
      return ReportQueryStore.userNames(pool, keys.stream().map(Long::valueOf).toList()).map(names -> {
        Map<String, String> out = new HashMap<>();
        keys.forEach(k -> out.put(k, "0".equals(k) ? "Shop (unanswered, buyer messages)" : names.getOrDefault(Long.valueOf(k), k)));
        return out;
      });
    }
    if ("shop".equals(f.groupBy())) {
      return ReportQueryStore.accountNames(pool, keys).map(names -> {
        Map<String, String> out = new HashMap<>();
        names.forEach((id, n) -> out.put(id, n.get(0)));
        return out;
      });
    }
    return Future.succeededFuture(Map.of());
  }

  static JsonObject metrics(String key, Map<String, Long> s, long[][] hist) {
    long conversations = n(s, "conversations");
    long waits = n(s, "waits");
    long rated = n(s, "satisfied") + n(s, "neutral") + n(s, "dissatisfied");
    long unhappy = n(s, "neutral") + n(s, "dissatisfied");
    List<Long> first = hist == null ? List.of() : Arrays.stream(hist[0]).boxed().toList();
    List<Long> replies = hist == null ? List.of() : Arrays.stream(hist[1]).boxed().toList();
    return new JsonObject().put("key", key)
        .put("conversations", conversations).put("buyers", n(s, "buyers"))
        .put("messagesIn", n(s, "messages_in")).put("messagesOut", n(s, "messages_out"))
        .put("autoReplies", n(s, "auto_replies")).put("spamExcluded", n(s, "spam_excluded"))
        .put("firstResponse", times(new JsonObject().put("answered", n(s, "first_answered"))
            .put("unanswered", conversations - n(s, "first_answered")),
            s, first, "first_answered", "first_seconds", "first_within_", conversations))
        .put("replies", times(new JsonObject().put("waits", waits).put("answered", n(s, "replies"))
            .put("autoReplied", n(s, "auto_replied")),
            s, replies, "replies", "reply_seconds", "replies_within_", waits))
        .put("platform", new JsonObject().put("counted", n(s, "platform_counted")).put("met", n(s, "platform_met"))
            .put("rate", ratio(n(s, "platform_met"), n(s, "platform_counted"))))
        .put("resolved", n(s, "resolved")).put("resolutionRate", ratio(n(s, "resolved"), conversations))
        .put("transfers", n(s, "transfers"))
        .put("slaWarnings", n(s, "sla_warnings")).put("slaBreaches", n(s, "sla_breaches"))
        .put("satisfaction", new JsonObject().put("satisfied", n(s, "satisfied")).put("neutral", n(s, "neutral"))
            .put("dissatisfied", n(s, "dissatisfied")).put("badAttitude", n(s, "bad_attitude"))
            .put("rate", ratio(n(s, "satisfied"), rated)).put("badAttitudeRate", ratio(n(s, "bad_attitude"), unhappy)))
        .put("compliance", new JsonObject().put("flagged", n(s, "flagged_replies")).put("overridden", n(s, "overridden_replies")))
        .put("conversion", new JsonObject().put("preSaleChats", n(s, "pre_sale_chats")).put("converted", n(s, "converted"))
            .put("rate", ratio(n(s, "converted"), n(s, "pre_sale_chats"))));
  }

  /** Median, p90 and average answer time, and the share of {@code of} answered within each limit, added to {@code o}. */
  private static JsonObject times(JsonObject o, Map<String, Long> s, List<Long> hist, String count, String seconds,
                                  String within, long of) {
    o.put("medianSeconds", ResponseBuckets.percentile(hist, 0.5))
        .put("p90Seconds", ResponseBuckets.percentile(hist, 0.9))
        .put("averageSeconds", ratio(n(s, seconds), n(s, count)));
    for (int limit : ResponseBuckets.WITHIN_SECONDS) {
      o.put("within" + limit + "Rate", ratio(n(s, within + limit), of));
    }
    return o;
  }

  private static long n(Map<String, Long> s, String k) {
    Long v = s.get(k);
    return v == null ? 0 : v;
  }

  private static Double ratio(long a, long b) {
    return b == 0 ? null : (double) a / b;
  }
}
