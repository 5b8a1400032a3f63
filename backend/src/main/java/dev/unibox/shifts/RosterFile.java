package dev.unibox.shifts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.config.ConfigException;
import dev.unibox.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the roster from {@code config/shifts.yaml} and from the web app's JSON (same shape), listing
 * every problem at once. Keys: {@code zone} (default for shifts), {@code shifts[]: name, start, end
 * ("HH:mm"), zone (optional), lead (username), agents[]}, {@code standby[]}.
 */
public final class RosterFile {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private RosterFile() {}

  /** No file (null or missing) is an empty roster: everyone routable whenever online. */
  public static Roster load(Path file) {
    if (file == null || !Files.exists(file)) {
      return Roster.empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
    }
    List<String> problems = new ArrayList<>();
    Roster roster = parse(root, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(p -> file + ": " + p).toList());
    }
    return roster;
  }

  /**
   * The roster a supervisor sent (PUT /api/shifts): every problem with a field is one 400 {@code bad_roster}
   * listing them all.
   */
  public static Roster fromBody(io.vertx.core.json.JsonObject body) {
    List<String> problems = new ArrayList<>();
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(body.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("a decoded JSON object did not read back", e);
    }
    Roster roster = parse(tree, problems);
    if (roster.shifts().isEmpty() && problems.isEmpty()) {
      problems.add("shifts: at least one shift is needed");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("bad_roster", String.join("; ", problems));
    }
    return roster;
  }

  /** Parses; problems are added to the list (the roster returned is then not to be used). */
  public static Roster parse(JsonNode root, List<String> problems) {
    if (root == null || root.isNull() || root.isMissingNode()) {
      return Roster.empty();
    }
    if (!root.isObject()) {
      problems.add("the roster must be an object with zone, shifts and standby");
      return Roster.empty();
    }
    ZoneId zone = zone(root.get("zone"), "zone", ZoneId.of("UTC"), problems);
    List<Roster.Shift> shifts = new ArrayList<>();
    JsonNode list = root.get("shifts");
    Set<String> names = new HashSet<>();
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        problems.add("shifts: must be a list");
      } else {
        for (int i = 0; i < list.size(); i++) {
          JsonNode s = list.get(i);
          String at = "shifts[" + i + "]";
          if (!s.isObject()) {
            problems.add(at + ": must be an object");
            continue;
          }
          String name = text(s.get("name"));
          if (name == null || name.isBlank() || name.length() > 40) {
            problems.add(at + ".name: required, at most 40 characters");
          } else if (!names.add(name)) {
            problems.add(at + ".name: '" + name + "' appears twice");
          }
          LocalTime start = time(s.get("start"), at + ".start", problems);
          LocalTime end = time(s.get("end"), at + ".end", problems);
          ZoneId shiftZone = zone(s.get("zone"), at + ".zone", zone, problems);
          String lead = text(s.get("lead"));
          if (s.has("lead") && !s.get("lead").isNull() && lead == null) {
            problems.add(at + ".lead: must be a username");
          }
          List<String> agents = usernames(s.get("agents"), at + ".agents", problems);
          if (name != null && start != null && end != null) {
            shifts.add(new Roster.Shift(name.strip(), start, end, shiftZone, lead == null ? "" : lead.strip(), agents));
          }
        }
      }
    }
    List<String> standby = usernames(root.get("standby"), "standby", problems);
    return new Roster(zone, shifts, standby);
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static ZoneId zone(JsonNode n, String at, ZoneId fallback, List<String> problems) {
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return fallback;
    }
    if (!n.isTextual()) {
      problems.add(at + ": must be text, a time zone (e.g. Asia/Kuala_Lumpur)");
      return fallback;
    }
    try {
      return ZoneId.of(n.asText());
    } catch (DateTimeException e) {
      problems.add(at + ": '" + n.asText() + "' is not a time zone (e.g. Asia/Kuala_Lumpur)");
      return fallback;
    }
  }

  private static LocalTime time(JsonNode n, String at, List<String> problems) {
    String t = text(n);
    try {
      if (t != null && t.length() == 5) {
        return LocalTime.parse(t, HH_MM);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    problems.add(at + (t == null ? ": required" : ": '" + t + "' is not a time") + ", write \"HH:mm\" (e.g. \"07:00\")");
    return null;
  }

  private static List<String> usernames(JsonNode n, String at, List<String> problems) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      problems.add(at + ": must be a list of usernames");
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode u : n) {
      String name = text(u);
      if (name == null || name.isBlank()) {
        problems.add(at + ": must be a list of usernames");
      } else {
        out.add(name.strip());
      }
    }
    return List.copyOf(out);
  }

  /** The roster in the file's shape (for GET /api/shifts and the web app). */
  public static io.vertx.core.json.JsonObject json(Roster r) {
    io.vertx.core.json.JsonArray shifts = new io.vertx.core.json.JsonArray();
    for (Roster.Shift s : r.shifts()) {
      shifts.add(new io.vertx.core.json.JsonObject().put("name", s.name()).put("start", HH_MM.format(s.start()))
          .put("end", HH_MM.format(s.end())).put("zone", s.zone().getId()).put("lead", s.lead())
          .put("agents", new io.vertx.core.json.JsonArray(s.agents())));
    }
    return new io.vertx.core.json.JsonObject().put("zone", r.zone().getId()).put("shifts", shifts)
        .put("standby", new io.vertx.core.json.JsonArray(r.standby()));
  }
}
