package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.config.UniboxConfig.MailConfig;
import dev.unibox.config.UniboxConfig.ReportsConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code reports} section: who receives each scope's daily and weekly reports, and the SMTP server. */
final class ReportsConfigReader {

  private static final Set<String> START_TLS = Set.of("DISABLED", "OPTIONAL", "REQUIRED");
  // deliberately plain: one @, no spaces; the SMTP server is the judge of the rest
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

  private ReportsConfigReader() {}

  static ReportsConfig read(JsonNode node, FieldReader r) {
    if (node == null || node.isNull()) {
      return ReportsConfig.off();
    }
    return new ReportsConfig(mail(node.get("mail"), r), recipients(node.get("recipients"), r));
  }

  private static MailConfig mail(JsonNode node, FieldReader r) {
    if (node == null || !r.bool(node, "reports.mail", "enabled")) {
      return MailConfig.off();
    }
    String startTls = r.text(node, "reports.mail", "startTls", true).toUpperCase();
    if (!START_TLS.contains(startTls)) {
      r.problem("reports.mail.startTls: '" + startTls + "' is not DISABLED, OPTIONAL or REQUIRED");
    }
    String from = r.text(node, "reports.mail", "from", true);
    if (!from.isEmpty() && !ADDRESS.matcher(from).matches()) {
      r.problem("reports.mail.from: '" + from + "' is not an e-mail address");
    }
    return new MailConfig(true, r.text(node, "reports.mail", "host", true),
        (int) r.number(node, "reports.mail", "port", 1, 65535), startTls,
        r.text(node, "reports.mail", "username", false), r.text(node, "reports.mail", "password", false), from);
  }

  /** scope → addresses; a scope's value may be a YAML list or one comma-separated string (from the environment). */
  private static Map<String, List<String>> recipients(JsonNode node, FieldReader r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      r.problem("reports.recipients: must map a scope (an account id or team) to e-mail addresses");
      return out;
    }
    node.fields().forEachRemaining(e -> {
      List<String> addresses = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(a -> addresses.add(a.asText().trim()));
      } else {
        for (String a : e.getValue().asText().split(",")) {
          addresses.add(a.trim());
        }
      }
      List<String> valid = addresses.stream().filter(a -> !a.isEmpty()).toList();
      valid.stream().filter(a -> !ADDRESS.matcher(a).matches()).forEach(a ->
          r.problem("reports.recipients." + e.getKey() + ": '" + a + "' is not an e-mail address"));
      if (!valid.isEmpty()) {
        out.put(e.getKey(), valid);
      }
    });
    return out;
  }
}
