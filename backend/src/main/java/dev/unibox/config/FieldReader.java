package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads typed fields from a config tree, recording every problem instead of stopping at the first. */
record FieldReader(List<String> problems) {

  String text(JsonNode parent, String path, String field, boolean required) {
    JsonNode node = parent == null ? null : parent.get(field);
    String where = path.isEmpty() ? field : path + "." + field;
    if (node == null || node.isNull() || (node.isValueNode() && node.asText().isBlank())) {
      if (required) {
        problems.add(where + ": required");
      }
      return "";
    }
    if (!node.isValueNode()) {
      problems.add(where + ": must be a single value");
      return "";
    }
    return node.asText().trim();
  }

  long number(JsonNode parent, String path, String field, long min, long max) {
    String where = path.isEmpty() ? field : path + "." + field;
    String raw = text(parent, path, field, true);
    if (raw.isEmpty()) {
      return min;
    }
    try {
      long value = Long.parseLong(raw);
      if (value < min || value > max) {
        problems.add(where + ": " + value + " is outside " + min + ".." + max);
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(where + ": '" + raw + "' is not a whole number");
      return min;
    }
  }

  boolean bool(JsonNode parent, String path, String field) {
    String raw = text(parent, path, field, false);
    if (raw.isEmpty()) {
      return false;
    }
    if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
      problems.add((path.isEmpty() ? field : path + "." + field) + ": '" + raw + "' is not true or false");
    }
    return raw.equalsIgnoreCase("true");
  }

  void problem(String text) {
    problems.add(text);
  }
}
