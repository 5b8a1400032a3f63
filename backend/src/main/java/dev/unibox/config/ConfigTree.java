package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** YAML layers merged into one tree, with environment overrides and ${NAME} placeholders applied. */
final class ConfigTree {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private ConfigTree() {}

  static ObjectNode read(Path file, List<String> problems) {
    try {
      JsonNode node = YAML.readTree(Files.readString(file));
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        problems.add(file + ": the top level must be a mapping");
        return JsonNodeFactory.instance.objectNode();
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
      return JsonNodeFactory.instance.objectNode();
    }
  }

  /** Deep merge: mappings merge key by key, everything else in {@code over} replaces. */
  static ObjectNode merge(ObjectNode base, ObjectNode over) {
    ObjectNode out = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode existing = out.get(f.getKey());
      if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode fo) {
        out.set(f.getKey(), merge(eo, fo));
      } else {
        out.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    return out;
  }

  /**
   * UNIBOX_HTTP_PORT overrides http.port. A list of plain values takes a comma-separated variable
   * (UNIBOX_CLUSTER_MEMBERS=a:5701,b:5701); lists of objects (accounts) are not addressed this way.
   */
  static void applyEnvOverrides(ObjectNode node, String prefix, Map<String, String> env) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String envName = prefix + "_" + name.toUpperCase(Locale.ROOT);
      JsonNode child = node.get(name);
      if (child instanceof ObjectNode obj) {
        applyEnvOverrides(obj, envName, env);
      } else if (child instanceof ArrayNode list) {
        boolean plain = true;
        for (JsonNode item : list) {
          plain &= item.isValueNode();
        }
        if (plain && env.containsKey(envName)) {
          ArrayNode items = list.arrayNode();
          for (String item : env.get(envName).split(",")) {
            if (!item.isBlank()) {
              items.add(item.trim());
            }
          }
          node.set(name, items);
        }
      } else if (env.containsKey(envName)) {
        node.set(name, TextNode.valueOf(env.get(envName)));
      }
    }
  }

  /** Replaces ${NAME} in every string with the environment's value; unset names are problems. */
  static void resolvePlaceholders(JsonNode node, String path, Map<String, String> env, List<String> problems) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = obj.get(name);
        String childPath = path.isEmpty() ? name : path + "." + name;
        if (child.isTextual()) {
          obj.set(name, TextNode.valueOf(substitute(child.asText(), childPath, env, problems)));
        } else {
          resolvePlaceholders(child, childPath, env, problems);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonNode child = arr.get(i);
        String childPath = path + "[" + i + "]";
        if (child.isTextual()) {
          arr.set(i, TextNode.valueOf(substitute(child.asText(), childPath, env, problems)));
        } else {
          resolvePlaceholders(child, childPath, env, problems);
        }
      }
    }
  }

  private static String substitute(String value, String path, Map<String, String> env, List<String> problems) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = env.get(m.group(1));
      if (replacement == null) {
        problems.add(path + ": environment variable " + m.group(1) + " is not set");
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
