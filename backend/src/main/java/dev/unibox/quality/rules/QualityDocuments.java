package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quality rule documents: one per scope (global, a platform, a shop), shipped as YAML under
 * {@code config/quality/} and editable by admins. A shop's effective rules are the three merged:
 * objects merge key by key, lists of terms are united, a scalar of the narrower scope wins.
 * Documented in docs/quality.md.
 */
public final class QualityDocuments {

  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public static final ObjectMapper JSON = new ObjectMapper();


  private QualityDocuments() {}

  public static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Reads a YAML document; an empty file is an empty document. */
  public static ObjectNode readYaml(Path file) throws IOException {
    JsonNode node = YAML.readTree(file.toFile());
    if (node == null || node.isNull() || node.isMissingNode()) {
      return empty();
    }
    if (!node.isObject()) {
      throw new IOException(file + ": the top level must be a mapping");
    }
    return (ObjectNode) node;
  }

  /** {@code over} merged onto a copy of {@code base}: objects by key, arrays united, scalars replaced. */
  public static JsonNode merge(JsonNode base, JsonNode over) {
    if (over == null || over.isMissingNode()) {
      return base == null ? empty() : base.deepCopy();
    }
    if (base == null || base.isMissingNode() || base.isNull()) {
      return over.deepCopy();
    }
    if (base.isObject() && over.isObject()) {
      ObjectNode out = (ObjectNode) base.deepCopy();
      over.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue())));
      return out;
    }
    if (base.isArray() && over.isArray()) {
      Set<JsonNode> seen = new LinkedHashSet<>();
      base.forEach(seen::add);
      over.forEach(seen::add);
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      seen.forEach(n -> out.add(n.deepCopy()));
      return out;
    }
    return over.deepCopy();
  }

  /** Every problem of a document, each prefixed with {@code where}; empty when it is valid. */
  public static List<String> validate(JsonNode doc, String where) {
    return DocumentCheck.validate(doc, where);
  }

  /** Language-keyed texts of a node ({en: "...", zh: "..."}); empty map when absent. */
  static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    return out;
  }

  /** The strings of an array node; empty list when absent. */
  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> {
        if ((n.isTextual() || n.isNumber()) && !n.asText().isBlank()) {
          out.add(n.asText());
        }
      });
    }
    return out;
  }
}
