package dev.unibox.reports;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import java.util.List;
import java.util.Locale;

/** One stored report version as an e-mail: the headline figures in the text, the whole table as CSV and XLSX. */
final class ReportMail {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ReportMail() {}

  static MailMessage compose(String from, String to, SnapshotStore.Snapshot s) {
    String what = ("day".equals(s.period()) ? "Daily report" : "Weekly report") + " · "
        + (ReportSnapshots.TEAM.equals(s.scope()) ? "all shops" : s.scope()) + " · "
        + ("day".equals(s.period()) ? s.periodStart().toString() : "week of " + s.periodStart());
    String subject = what + (s.version() > 1 ? " · corrected (version " + s.version() + ")" : "");
    String file = "unibox-" + s.scope() + "-" + s.period() + "-" + s.periodStart() + "-v" + s.version();
    return new MailMessage().setFrom(from).setTo(List.of(to)).setSubject(subject)
        .setText(text(what, s))
        .setAttachment(List.of(
            MailAttachment.create().setName(file + ".csv").setContentType("text/csv; charset=utf-8")
                .setData(ReportExport.csv(s.body())),
            MailAttachment.create().setName(file + ".xlsx").setContentType(XLSX).setData(ReportExport.xlsx(s.body()))));
  }

  private static String text(String what, SnapshotStore.Snapshot s) {
    JsonObject t = s.body().getJsonObject("total");
    JsonObject first = t.getJsonObject("firstResponse");
    StringBuilder b = new StringBuilder(what).append("\n\n");
    line(b, "Conversations", String.valueOf(t.getLong("conversations")));
    line(b, "Buyer messages in / replies out", t.getLong("messagesIn") + " / " + t.getLong("messagesOut"));
    line(b, "First response, median", seconds(first.getValue("medianSeconds")));
    line(b, "First response within 1 / 2 / 5 min", percent(first.getDouble("within60Rate")) + " / "
        + percent(first.getDouble("within120Rate")) + " / " + percent(first.getDouble("within300Rate")));
    line(b, "Platform indicator met", percent(t.getJsonObject("platform").getDouble("rate")));
    line(b, "Resolved", percent(t.getDouble("resolutionRate")));
    line(b, "SLA warnings / breaches", t.getLong("slaWarnings") + " / " + t.getLong("slaBreaches"));
    line(b, "Satisfaction", percent(t.getJsonObject("satisfaction").getDouble("rate")));
    b.append("\nEvery figure per ").append(s.body().getString("groupBy", "group"))
        .append(" is in the attached CSV and XLSX. Definitions: docs/reports.md of your Unibox installation.\n");
    if (s.version() > 1) {
      b.append("This version replaces version ").append(s.version() - 1)
          .append(": a later change (e.g. a rating or a late reply) corrected the figures.\n");
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-40s %s%n", label + ":", value));
  }

  private static String percent(Double rate) {
    return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  private static String seconds(Object v) {
    return v == null ? "–" : v + " s";
  }
}
