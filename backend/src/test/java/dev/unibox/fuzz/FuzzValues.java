package dev.unibox.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Hostile values for request bodies: strings, numbers, JSON trees and raw bytes that are not JSON. */
final class FuzzValues {

  private static final Pattern READ_FIELD = Pattern.compile(
      "\\.(?:get(?:String|Integer|Long|Boolean|Double|Float|Number|JsonArray|JsonObject|Value|Instant|Binary)"
          + "|containsKey|getOrDefault)\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

  /** Field names the service reads from JSON ("text", "mode", "accounts", ...), taken from its own source. */
  static final List<String> FIELD_NAMES = fieldNames();

  private FuzzValues() {
  }

  /** NUL, lone surrogates, emoji, control and bidi characters, SQL and format strings, very long text. */
  static Arbitrary<String> nastyStrings() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(3, Arbitraries.of("", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\udbff", "\ud83d\ude00",
            "é\u0301", "\u202eevil", "\t\r\n", "'; DROP TABLE messages; --", "%s%n%x", "${jndi:ldap://x}", "null",
            "0", "-1", "1e999", "NaN", "true", "{", "[]", "{\"a\":", "../../etc/passwd", "<script>x</script>",
            "\\", "\"", "admin", "online", "on", "global")),
        Tuple.of(1, Arbitraries.integers().between(300, 5_000).map(n -> "長".repeat(n))),
        Tuple.of(1, Arbitraries.of(FIELD_NAMES)));
  }

  static Arbitrary<Object> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, -1, 1, 2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            BigInteger.TWO.pow(64), BigInteger.TWO.pow(70).negate(), 1.5, -0.0, 1e308, -1e308, 4.9e-324,
            new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1e400"), 253402300800L, -62135596801L,
            253402300800000L),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.integers().between(-5, 100).map(i -> (Object) i));
  }

  static Arbitrary<Object> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just((Object) null)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        Tuple.of(3, numbers()),
        Tuple.of(4, nastyStrings().map(s -> (Object) s)));
  }

  /** Any JSON value, at most {@code depth} containers deep; objects mostly use the service's field names. */
  static Arbitrary<Object> json(int depth) {
    if (depth <= 0) {
      return scalars();
    }
    Arbitrary<Object> inner = Arbitraries.lazy(() -> json(depth - 1));
    Arbitrary<String> keys = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(FIELD_NAMES)), Tuple.of(1, nastyStrings()));
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars()),
        Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) new JsonArray(new java.util.ArrayList<>(l)))),
        Tuple.of(3, Arbitraries.maps(keys, inner).ofMaxSize(6)
            .map(m -> (Object) new JsonObject(new LinkedHashMap<>(m)))),
        Tuple.of(1, Arbitraries.integers().between(50, 300).map(FuzzValues::deeplyNested)));
  }

  static Object deeplyNested(int depth) {
    Object v = new JsonArray().add(1);
    for (int i = 0; i < depth; i++) {
      v = i % 2 == 0 ? new JsonArray().add(v) : new JsonObject().put("a", v);
    }
    return v;
  }

  /** JSON text of a value; lone surrogates are written as \\u escapes so the parser sees them. */
  /** For failure reports: control characters and surrogates escaped, long text cut. */
  static String printable(Object value) {
    String s = String.valueOf(value);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 200; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || Character.isSurrogate(c) || c == 0x7f ? String.format("\\u%04x", (int) c) : c);
    }
    return out.length() < 200 ? out.toString() : out + "...(" + s.length() + " chars)";
  }

  static String encode(Object value) {
    String text = value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode()
        : new JsonArray().add(value).encode().replaceAll("^\\[|]$", "");
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Bodies that are not JSON at all, or not valid UTF-8, or cut short. */
  static Arbitrary<byte[]> brokenBytes() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "{", "{\"a\":1", "[1,2", "nul", "{\"a\":1}}", "{'a':1}", "{\"a\":01}", "\u0000",
            "{\"a\":\"\\ud800\"", "<xml/>", "a=1&b=2", "[".repeat(5000), "{\"a\":".repeat(3000),
            "[".repeat(3000) + "]".repeat(3000), "{\"shop_id\":" + "[".repeat(1200) + "]".repeat(1200) + "}")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
        Arbitraries.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'},
            new byte[] {'{', '"', (byte) 0xF8, '"', ':', '1', '}'}));
  }

  /** Inserts bytes that are not valid UTF-8 at {@code at} (a fraction of the length) of a UTF-8 text. */
  static byte[] withInvalidUtf8(String text, double at, int variant) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[][] bad = {{(byte) 0xC3, '('}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    byte[] insert = bad[Math.floorMod(variant, bad.length)];
    int pos = (int) Math.max(0, Math.min(bytes.length, bytes.length * at));
    byte[] out = new byte[bytes.length + insert.length];
    System.arraycopy(bytes, 0, out, 0, pos);
    System.arraycopy(insert, 0, out, pos, insert.length);
    System.arraycopy(bytes, pos, out, pos + insert.length, bytes.length - pos);
    return out;
  }

  private static List<String> fieldNames() {
    TreeSet<String> names = new TreeSet<>();
    for (String root : List.of("src/main/java", "../adapters/src/main/java")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = READ_FIELD.matcher(Files.readString(f));
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no field names found under src/main/java (run from the backend module)");
    }
    return List.copyOf(names);
  }
}
