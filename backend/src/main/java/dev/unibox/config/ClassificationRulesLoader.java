package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.domain.Category;
import dev.unibox.domain.ClassificationRules;
import dev.unibox.domain.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code config/classification.yaml}: urgent terms and category terms per language. */
public final class ClassificationRulesLoader {

  private ClassificationRulesLoader() {}

  public static ClassificationRules load(Path file) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
    }
    Map<String, List<String>> urgent = termsByLanguage(root == null ? null : root.get("urgent"), "urgent", problems);
    Map<Category, Map<String, List<String>>> categories = new EnumMap<>(Category.class);
    JsonNode category = root == null ? null : root.get("category");
    if (category != null) {
      category.fields().forEachRemaining(e -> {
        Category c = Category.ofWire(e.getKey());
        if (!c.wire().equals(e.getKey())) {
          problems.add(file + ": category." + e.getKey() + " is not one of pre_sale, in_sale, after_sale");
        }
        categories.put(c, termsByLanguage(e.getValue(), "category." + e.getKey(), problems));
      });
    }
    if (urgent.isEmpty()) {
      problems.add(file + ": urgent must list terms per language");
    }
    Map<String, ClassificationRules.Signal> signals = new LinkedHashMap<>();
    JsonNode signalNode = root == null ? null : root.get("signals");
    if (signalNode != null && signalNode.isObject()) {
      signalNode.fields().forEachRemaining(e -> {
        JsonNode v = e.getValue();
        String p = file + ": signals." + e.getKey();
        Priority priority = null;
        if (v.hasNonNull("priority")) {
          priority = Priority.ofWire(v.get("priority").asText());
          if (priority == null) {
            problems.add(p + ".priority: '" + v.get("priority").asText() + "' is not one of normal, urgent, critical");
          }
        }
        Category cat = null;
        if (v.hasNonNull("category")) {
          cat = Category.ofWire(v.get("category").asText());
          if (!cat.wire().equals(v.get("category").asText())) {
            problems.add(p + ".category: '" + v.get("category").asText() + "' is not one of pre_sale, in_sale, after_sale");
          }
        }
        signals.put(e.getKey(), new ClassificationRules.Signal(priority, cat));
      });
    }
    ClassificationRules rules = new ClassificationRules(urgent, categories, signals);
    rules.invalidPatterns().forEach(p -> problems.add(file + ": " + p));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return rules;
  }

  private static Map<String, List<String>> termsByLanguage(JsonNode node, String path, List<String> problems) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      return out;
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isArray()) {
        problems.add(path + "." + e.getKey() + ": must be a list of terms");
        return;
      }
      List<String> terms = new ArrayList<>();
      e.getValue().forEach(t -> {
        if (!t.asText().isBlank()) {
          terms.add(t.asText().trim());
        }
      });
      out.put(e.getKey(), terms);
    });
    return out;
  }
}
