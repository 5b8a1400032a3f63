package dev.unibox.reports;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A report as a table (one row per group, then the total): CSV and XLSX with the same columns. */
final class ReportExport {

  private ReportExport() {}

  /** Flattens {a: {b: 1}} to "a.b" = 1, in the report's own order. */
  static Map<String, Object> flat(JsonObject group) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", group, out);
    return out;
  }

  private static void flatten(String prefix, JsonObject o, Map<String, Object> out) {
    for (String k : o.fieldNames()) {
      Object v = o.getValue(k);
      if (v instanceof JsonObject child) {
        flatten(prefix + k + ".", child, out);
      } else {
        out.put(prefix + k, v);
      }
    }
  }

  static List<Map<String, Object>> rows(JsonObject report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    JsonArray groups = report.getJsonArray("groups");
    for (int i = 0; i < groups.size(); i++) {
      rows.add(flat(groups.getJsonObject(i)));
    }
    Map<String, Object> total = flat(report.getJsonObject("total"));
    total.put("label", "Total");
    rows.add(total);
    return rows;
  }

  private static List<String> headers(List<Map<String, Object>> rows) {
    List<String> h = new ArrayList<>(List.of("key", "label"));
    rows.forEach(r -> r.keySet().forEach(k -> {
      if (!h.contains(k)) {
        h.add(k);
      }
    }));
    return h;
  }

  static Buffer csv(JsonObject report) {
    List<Map<String, Object>> rows = rows(report);
    List<String> headers = headers(rows);
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", headers.stream().map(ReportExport::cell).toList())).append("\r\n");
    for (Map<String, Object> r : rows) {
      sb.append(String.join(",", headers.stream().map(h -> cell(r.get(h))).toList())).append("\r\n");
    }
    return Buffer.buffer(sb.toString());
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    // a leading =, +, - or @ would be a formula in a spreadsheet
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
      s = "'" + s;
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("'") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static Buffer xlsx(JsonObject report) {
    List<Map<String, Object>> rows = rows(report);
    List<String> headers = headers(rows);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "Unibox", "1.0");
      Worksheet ws = wb.newWorksheet("Report " + report.getString("from") + " to " + report.getString("to"));
      for (int c = 0; c < headers.size(); c++) {
        ws.value(0, c, headers.get(c));
        ws.style(0, c).bold().set();
      }
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < headers.size(); c++) {
          Object v = rows.get(r).get(headers.get(c));
          if (v instanceof Number n) {
            ws.value(r + 1, c, n);
          } else if (v != null) {
            ws.value(r + 1, c, v.toString());
          }
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(bytes.toByteArray());
  }
}
