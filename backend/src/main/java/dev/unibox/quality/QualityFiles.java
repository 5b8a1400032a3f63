package dev.unibox.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.quality.rules.QualityDocuments;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped rule documents of {@code config/quality/}: global.yaml, platforms/&lt;platform&gt;.yaml,
 * shops/&lt;account id&gt;.yaml, by scope. Blocking file I/O: call off the event loop.
 */
record QualityFiles(Path dir) {

  private static final Logger LOG = LoggerFactory.getLogger(QualityFiles.class);

  /** Every valid document by scope; the problems of the others are added, their modification times recorded. */
  Map<String, JsonNode> read(Map<String, Long> times, List<String> problems) {
    Map<String, JsonNode> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      problems.add(dir + ": the quality rules folder does not exist (set UNIBOX_QUALITY_DIR)");
      return out;
    }
    list().forEach((scope, path) -> {
      times.put(scope, modified(path));
      try {
        JsonNode doc = QualityDocuments.readYaml(path);
        List<String> p = QualityDocuments.validate(doc, fileName(scope));
        if (p.isEmpty()) {
          out.put(scope, doc);
        } else {
          problems.addAll(p);
        }
      } catch (IOException e) {
        problems.add(fileName(scope) + ": cannot be read (" + e.getMessage() + ")");
      }
    });
    return out;
  }

  /** Whether files appeared, went or changed since these modification times (a listing and a few stat calls). */
  boolean changedSince(Map<String, Long> times) {
    Map<String, Long> now = new TreeMap<>();
    list().forEach((scope, path) -> now.put(scope, modified(path)));
    return !now.equals(times);
  }

  /** scope → file of the quality directory. */
  private Map<String, Path> list() {
    Map<String, Path> out = new TreeMap<>();
    Path global = dir.resolve("global.yaml");
    if (Files.isRegularFile(global)) {
      out.put("global", global);
    }
    list(dir.resolve("platforms"), "platform:", out);
    list(dir.resolve("shops"), "shop:", out);
    return out;
  }

  private static void list(Path folder, String prefix, Map<String, Path> out) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        out.put(prefix + name.substring(0, name.length() - ".yaml".length()), f);
      }
    } catch (IOException e) {
      LOG.warn("Cannot list {}: {}", folder, e.getMessage());
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  static String fileName(String scope) {
    if ("global".equals(scope)) {
      return "global.yaml";
    }
    if (scope.startsWith("platform:")) {
      return "platforms/" + scope.substring(9) + ".yaml";
    }
    return scope.startsWith("shop:") ? "shops/" + scope.substring(5) + ".yaml" : scope;
  }
}
