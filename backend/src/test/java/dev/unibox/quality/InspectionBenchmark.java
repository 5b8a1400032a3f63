package dev.unibox.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.quality.rules.QualityDocuments;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.TermSpec;
import dev.unibox.domain.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark harness (not a unit test) of the compliance inspection that sits on the send path: every reply
 * is inspected before it is stored. Uses the full shipped lists (config/quality: global + Shopee + the demo
 * shop), a corpus of realistic replies in Chinese, English, Thai, Vietnamese and Malay (about one in five
 * with a flagged term) and a short per-buyer history for the repeated-text rule. Reports messages per second
 * and per-inspection latency on one thread, next to a naive "indexOf every term" scan measured in the same
 * run, plus the spam classification of buyer messages (the ingest path). Writes its section of
 * docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.quality.InspectionBenchmark}
 */
public final class InspectionBenchmark {

  static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.quality.InspectionBenchmark";
  private static final String BEGIN = "<!-- quality-inspection:begin -->";
  private static final String END = "<!-- quality-inspection:end -->";

  private static final String[] CLEAN = {
      "亲，您好！这款花瓶有蓝色和白色两种，今天下单明天就可以发货哦。",
      "您的订单已经发出了，物流单号稍后会同步到订单详情，请您留意查收。",
      "非常抱歉给您带来不便，我们马上为您登记破损，补发一个新的给您。",
      "亲，优惠券可以和店铺满减叠加使用，结算时系统会自动计算。",
      "Hi! The blue vase is in stock, and orders placed today ship tomorrow.",
      "Sorry about the damaged parcel. We will send a replacement today and you can keep the old one.",
      "Your order has been shipped; the tracking number will appear in your order details shortly.",
      "Yes, the voucher can be combined with the shop discount at checkout.",
      "สวัสดีค่ะ สินค้าสีฟ้ายังมีอยู่ค่ะ สั่งวันนี้จัดส่งพรุ่งนี้ค่ะ",
      "ขออภัยในความไม่สะดวกค่ะ ทางร้านจะส่งสินค้าชิ้นใหม่ให้ภายในวันนี้ค่ะ",
      "Chào bạn, mẫu màu xanh vẫn còn hàng, đặt hôm nay thì mai shop gửi đi nhé.",
      "Shop xin lỗi vì sự bất tiện, shop sẽ gửi lại sản phẩm mới cho bạn trong hôm nay.",
      "Hai, warna biru masih ada stok. Pesanan hari ini akan dihantar esok.",
      "Maaf atas kesulitan, kami akan hantar barang ganti hari ini juga.",
      "我们会第一时间为您处理，最近订单比较多，最快明天到。",
      "Best regards, and we will do our best to ship it today.",
  };

  private static final String[] FLAGGED = {
      "亲，这款是全网最低价，放心买，再不抢就没了！",
      "不是告诉你了么？详情页写得很清楚。",
      "This is the best price in Malaysia, number one seller!",
      "I already told you, not my problem.",
      "ราคาถูกที่สุดในตลาด สินค้าระดับโลกค่ะ",
      "Đây là giá rẻ nhất rồi, hàng đẳng cấp thế giới nhé.",
      "Ini harga terendah, kan saya dah cakap.",
      "加我微信，私下给你便宜点。",
  };

  private InspectionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = projectRoot();
    Path quality = root.resolve("config/quality");
    JsonNode doc = QualityDocuments.readYaml(quality.resolve("global.yaml"));
    doc = QualityDocuments.merge(doc, QualityDocuments.readYaml(quality.resolve("platforms/shopee.yaml")));
    doc = QualityDocuments.merge(doc, QualityDocuments.readYaml(quality.resolve("shops/shopee-my-01.yaml")));

    long t0 = System.nanoTime();
    RuleSet rules = RuleSet.compile(doc);
    double compileMs = (System.nanoTime() - t0) / 1e6;
    long t1 = System.nanoTime();
    RuleSet.compile(doc);
    double recompileMs = (System.nanoTime() - t1) / 1e6;

    List<String> corpus = corpus(4_000, new Random(42));
    List<String> history = List.of("您好，请问有什么可以帮您？", "Hi! How can I help you today?",
        "Your order has been shipped.", "亲，已经为您备注好了哦。", "Terima kasih kerana menunggu.");
    List<String> terms = naiveTerms(doc);
    long flagged = corpus.stream().filter(m -> rules.inspect(m, history).flagged()).count();
    double avgChars = corpus.stream().mapToInt(String::length).average().orElse(0);

    int warmup = 300_000;
    int measured = 1_000_000;
    run(rules, corpus, history, warmup, null);
    long[] nanos = new long[measured];
    long start = System.nanoTime();
    int sink = run(rules, corpus, history, measured, nanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);

    int naiveRuns = 20_000;
    naive(terms, corpus, naiveRuns / 4);
    long ns = System.nanoTime();
    sink += naive(terms, corpus, naiveRuns);
    double naiveSeconds = (System.nanoTime() - ns) / 1e9;

    run(rules, corpus, history, warmup, null); // keep the JIT honest for the spam loop below
    long ss = System.nanoTime();
    int spamRuns = 1_000_000;
    for (int i = 0; i < spamRuns; i++) {
      sink += rules.spam().classify(corpus.get(i % corpus.size())).score();
    }
    double spamSeconds = (System.nanoTime() - ss) / 1e9;

    double perSecond = measured / seconds;
    double naivePerSecond = naiveRuns / naiveSeconds;
    String java = System.getProperty("java.version");
    int cpus = Runtime.getRuntime().availableProcessors();
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append('\n');
    out.append("## Compliance inspection per reply\n\n");
    out.append("Every outgoing reply is inspected inside its transaction before it is stored, so its cost is on the\n"
        + "send path. Measured on one thread with the full shipped lists (config/quality: global + Shopee + the demo\n"
        + "shop), over a corpus of ").append(corpus.size()).append(" replies in zh/en/th/vi/ms (")
        .append(String.format(Locale.ROOT, "%.0f", avgChars)).append(" characters on average, ")
        .append(Math.round(100.0 * flagged / corpus.size()))
        .append("% with a finding) and a 5-message buyer history for the repeated-text rule. The latencies\n"
            + "include a System.nanoTime() pair per call. The database reads of the send path (the buyer's recent\n"
            + "replies) are not part of these figures.\n\n");
    out.append("Command: `").append(COMMAND).append("`\n\n");
    out.append("Run ").append(LocalDate.now()).append(", Java ").append(java).append(", ").append(cpus)
        .append(" CPUs.\n\n");
    out.append("| measure | value |\n|---|---|\n");
    out.append(row("terms in the lists (configured)", String.valueOf(rules.termCount())));
    out.append(row("keywords in the automaton (with Traditional/Simplified variants and allow phrases)",
        String.valueOf(rules.keywordCount())));
    out.append(row("compile the rule set (first, with ICU variants)", fmt(compileMs) + " ms"));
    out.append(row("compile again (variants cached; what an admin's edit costs)", fmt(recompileMs) + " ms"));
    out.append(row("inspections per second (one thread)", String.format(Locale.ROOT, "%,.0f", perSecond)));
    out.append(row("p50 per inspection", fmt(nanos[measured / 2] / 1000.0) + " µs"));
    out.append(row("p99 per inspection", fmt(nanos[(int) (measured * 0.99)] / 1000.0) + " µs"));
    out.append(row("p99.9 per inspection", fmt(nanos[(int) (measured * 0.999)] / 1000.0) + " µs"));
    out.append(row("max per inspection", fmt(nanos[measured - 1] / 1000.0) + " µs"));
    out.append(row("naive scan (indexOf of every term), same run", String.format(Locale.ROOT, "%,.0f", naivePerSecond)
        + " per second"));
    out.append(row("Aho–Corasick vs naive", String.format(Locale.ROOT, "%.1f× faster", perSecond / naivePerSecond)));
    out.append(row("spam classification of buyer messages per second (ingest path)",
        String.format(Locale.ROOT, "%,.0f", spamRuns / spamSeconds)));
    out.append('\n').append(END).append('\n');

    System.out.println(out);
    System.out.println("(checksum " + sink + ")");
    Path file = root.resolve("docs/benchmarks.md");
    write(file, out.toString());
    System.out.println("Written to " + file);
  }

  private static int run(RuleSet rules, List<String> corpus, List<String> history, int n, long[] nanos) {
    int sink = 0;
    int size = corpus.size();
    for (int i = 0; i < n; i++) {
      String m = corpus.get(i % size);
      if (nanos == null) {
        sink += rules.inspect(m, history).findings().size();
      } else {
        long s = System.nanoTime();
        sink += rules.inspect(m, history).findings().size();
        nanos[i] = System.nanoTime() - s;
      }
    }
    return sink;
  }

  /** The baseline: fold the text, then indexOf every folded term. */
  private static int naive(List<String> terms, List<String> corpus, int n) {
    int sink = 0;
    for (int i = 0; i < n; i++) {
      String folded = TextNormalizer.normalize(corpus.get(i % corpus.size()));
      for (String t : terms) {
        if (folded.indexOf(t) >= 0) {
          sink++;
        }
      }
    }
    return sink;
  }

  private static List<String> naiveTerms(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.path("rules").forEach(rule -> rule.forEach(group -> group.path("terms").forEach(lang -> lang.forEach(t -> {
      TermSpec spec = TermSpec.parse(t.asText());
      if (spec != null) {
        out.add(TextNormalizer.normalize(spec.bare()));
      }
    }))));
    return out;
  }

  /** Realistic replies: one to three sentences, about one in five containing a flagged phrase. */
  private static List<String> corpus(int n, Random random) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder(CLEAN[random.nextInt(CLEAN.length)]);
      if (random.nextInt(100) < 20) {
        b.append(' ').append(FLAGGED[random.nextInt(FLAGGED.length)]);
      }
      if (random.nextBoolean()) {
        b.append(' ').append(CLEAN[random.nextInt(CLEAN.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }

  private static String row(String what, String value) {
    return "| " + what + " | " + value + " |\n";
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, d < 10 ? "%.2f" : "%.1f", d);
  }

  static void write(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
        : "# Benchmarks\n\nEach section is written by its harness; the command that produced it is given with it.\n\n";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String updated = b >= 0 && e > b
        ? text.substring(0, b) + section.strip() + text.substring(e + END.length())
        : text.stripTrailing() + "\n\n" + section;
    Files.writeString(file, updated.endsWith("\n") ? updated : updated + "\n", StandardCharsets.UTF_8);
  }

  private static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("config/quality")) && Files.isDirectory(p.resolve("backend"))) {
        return p;
      }
    }
    throw new IllegalStateException("Run from the project (config/quality not found above " + Path.of("").toAbsolutePath() + ")");
  }
}
