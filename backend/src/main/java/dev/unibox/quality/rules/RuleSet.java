package dev.unibox.quality.rules;

import dev.unibox.domain.TextNormalizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.unibox.domain.LinearRegex;

/**
 * The compiled quality rules of one shop (its global, platform and shop documents merged): the
 * compliance inspection of outgoing replies, spam recognition, auto-reply, satisfaction and quick-reply
 * settings. Immutable and thread-safe; rebuilt when an admin edits a document.
 */
public final class RuleSet {

  public static final String REPEATED = "repeated";
  private static final Map<String, String> RULE_LABELS = Map.of(
      "absolute", "Absolute terms (advertising law)",
      "confrontational", "Confrontational language",
      "platform", "Platform-banned phrase",
      REPEATED, "Repeated canned text");

  /** What a term hit stands for; {@code rule == null} marks an allow-list phrase. */
  /** {@code anchored}: the term carries ^ or $, so it is the more specific of two equal hits (its fix fits). */
  private record TermRef(String rule, String group, String language, String term, String fix, boolean anchored) {}

  private record Policy(Action action, Boolean override) {}

  private record Group(String label, String hint) {}

  private final TermIndex<TermRef> index;
  private final Map<String, Policy> policies;
  private final Map<String, Group> groups;
  private final SpamRules spam;
  private final AutoReplySettings autoReplies;
  private final SatisfactionSettings satisfaction;
  private final Pattern orderNumber;
  private final String trackingLink;
  private final int termCount;
  private final JsonNode repeatSettings;

  private RuleSet(TermIndex<TermRef> index, int termCount, JsonNode repeatSettings, Map<String, Policy> policies, Map<String, Group> groups,
                  SpamRules spam, AutoReplySettings autoReplies, SatisfactionSettings satisfaction, Pattern orderNumber,
                  String trackingLink) {
    this.index = index;
    this.termCount = termCount;
    this.repeatSettings = repeatSettings;
    this.policies = policies;
    this.groups = groups;
    this.spam = spam;
    this.autoReplies = autoReplies;
    this.satisfaction = satisfaction;
    this.orderNumber = orderNumber;
    this.trackingLink = trackingLink;
  }

  /** Compiles a merged document; call {@link QualityDocuments#validate} first (invalid parts are skipped). */
  public static RuleSet compile(JsonNode doc) {
    JsonNode d = doc == null ? QualityDocuments.empty() : doc;
    TermIndex.Builder<TermRef> b = TermIndex.builder();
    Map<String, Group> groups = new HashMap<>();
    int[] terms = {0};
    d.path("rules").fields().forEachRemaining(rule -> rule.getValue().fields().forEachRemaining(group -> {
      JsonNode def = group.getValue();
      groups.put(rule.getKey() + "." + group.getKey(), new Group(text(def.get("label")), text(def.get("hint"))));
      def.path("terms").fields().forEachRemaining(lang -> QualityDocuments.strings(lang.getValue()).forEach(line -> {
        TermSpec spec = TermSpec.parse(line);
        if (spec != null && b.add(spec.term(),
            new TermRef(rule.getKey(), group.getKey(), lang.getKey(), spec.bare(), spec.fix(),
                !spec.term().equals(spec.bare())))) {
          terms[0]++;
        }
      }));
    }));
    d.path("allow").fields().forEachRemaining(lang -> QualityDocuments.strings(lang.getValue())
        .forEach(phrase -> b.add(phrase, new TermRef(null, null, lang.getKey(), phrase, null, false))));
    Map<String, Policy> policies = new HashMap<>();
    d.path("policy").fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      policies.put(e.getKey(), new Policy(Action.ofWire(v.path("action").asText(null)),
          v.has("override") && v.get("override").isBoolean() ? v.get("override").asBoolean() : null));
    });
    String pattern = d.path("variables").path("orderNumberPattern").asText("");
    return new RuleSet(b.build(), terms[0], d.path("policy").path(REPEATED).deepCopy(), Map.copyOf(policies), Map.copyOf(groups), SpamRules.from(d.get("spam")),
        AutoReplySettings.from(d.get("autoReplies")), SatisfactionSettings.from(d.get("satisfaction")),
        pattern.isBlank() ? null : LinearRegex.compile(pattern), d.path("variables").path("trackingLink").asText(""));
  }

  /** Configured terms (before Simplified/Traditional variants). */
  public int termCount() {
    return termCount;
  }

  /** Keywords in the automaton, variants and allow phrases included. */
  public int keywordCount() {
    return index.size();
  }

  /**
   * Inspects a reply.
   *
   * @param recentToBuyer texts already sent by agents to the same buyer within {@link #repeatWindowHours()}
   *                      (for the repeated-text rule); may be empty
   */
  public Inspection inspect(String text, List<String> recentToBuyer) {
    if (text == null || text.isEmpty()) {
      return Inspection.CLEAN;
    }
    List<TermIndex.Hit<TermRef>> hits = index.find(text);
    List<Finding> findings = new ArrayList<>();
    if (!hits.isEmpty()) {
      findings.addAll(termFindings(text, hits));
    }
    Finding repeated = repeated(text, recentToBuyer);
    if (repeated != null) {
      findings.add(repeated);
    }
    if (findings.isEmpty()) {
      return Inspection.CLEAN;
    }
    findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(f -> -f.end()));
    return new Inspection(findings);
  }

  private List<Finding> termFindings(String text, List<TermIndex.Hit<TermRef>> hits) {
    List<TermIndex.Hit<TermRef>> allowed = new ArrayList<>();
    List<TermIndex.Hit<TermRef>> candidates = new ArrayList<>();
    for (TermIndex.Hit<TermRef> h : hits) {
      if (h.payload().rule() == null) {
        allowed.add(h);
      } else if (action(h.payload().rule(), h.payload().group()) != Action.OFF) {
        candidates.add(h);
      }
    }
    // Longest first, then the stronger action: a hit inside a kept hit of the same rule adds nothing.
    candidates.sort(Comparator.<TermIndex.Hit<TermRef>>comparingInt(h -> -(h.end() - h.start()))
        .thenComparing(h -> -action(h.payload().rule(), h.payload().group()).ordinal())
        .thenComparing(h -> h.payload().anchored() ? 0 : 1)
        .thenComparingInt(TermIndex.Hit::start));
    List<TermIndex.Hit<TermRef>> kept = new ArrayList<>();
    for (TermIndex.Hit<TermRef> h : candidates) {
      if (inside(h, allowed, null) || inside(h, kept, h.payload().rule())) {
        continue;
      }
      kept.add(h);
    }
    List<Finding> out = new ArrayList<>(kept.size());
    for (TermIndex.Hit<TermRef> h : kept) {
      TermRef t = h.payload();
      Action action = action(t.rule(), t.group());
      Group g = groups.get(t.rule() + "." + t.group());
      out.add(new Finding(t.rule(), t.group(), label(t.rule(), t.group()), t.term(), t.language(), h.start(), h.end(),
          text.substring(h.start(), h.end()), action, overridable(t.rule(), t.group()), t.fix(),
          g == null ? null : g.hint()));
    }
    return out;
  }

  private static boolean inside(TermIndex.Hit<TermRef> h, List<TermIndex.Hit<TermRef>> spans, String rule) {
    for (TermIndex.Hit<TermRef> s : spans) {
      if (s.start() <= h.start() && h.end() <= s.end() && (rule == null || rule.equals(s.payload().rule()))) {
        return true;
      }
    }
    return false;
  }

  private Finding repeated(String text, List<String> recentToBuyer) {
    Action action = action(REPEATED, null);
    if (action == Action.OFF || recentToBuyer == null || recentToBuyer.isEmpty()) {
      return null;
    }
    String mine = fingerprint(text);
    if (mine.length() < repeatMinLength()) {
      return null;
    }
    long times = recentToBuyer.stream().filter(t -> mine.equals(fingerprint(t))).count();
    if (times == 0) {
      return null;
    }
    return new Finding(REPEATED, "same_text", label(REPEATED, null), "", "", 0, text.length(), text, action,
        overridable(REPEATED, null), null, "This buyer already got this exact text " + times + " time"
        + (times == 1 ? "" : "s") + " in the last " + repeatWindowHours()
        + " h. Repeating a canned text feels dismissive: answer the buyer's actual question in your own words.");
  }

  /** Letters and digits only, folded: the same canned text with other spacing or punctuation is the same. */
  public static String fingerprint(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = TextNormalizer.fold(text.charAt(i));
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The policy for a rule's group: rule.group setting, else the rule's, else warn. */
  public Action action(String rule, String group) {
    Policy g = group == null ? null : policies.get(rule + "." + group);
    if (g != null && g.action() != null) {
      return g.action();
    }
    Policy r = policies.get(rule);
    return r != null && r.action() != null ? r.action() : Action.WARN;
  }

  /** Whether a blocked finding of this rule's group may be sent anyway with a reason (default yes). */
  public boolean overridable(String rule, String group) {
    Policy g = group == null ? null : policies.get(rule + "." + group);
    if (g != null && g.override() != null) {
      return g.override();
    }
    Policy r = policies.get(rule);
    return r == null || r.override() == null || r.override();
  }

  public int repeatWindowHours() {
    return setting("withinHours", 24);
  }

  public int repeatMinLength() {
    return setting("minLength", 6);
  }

  private int setting(String name, int fallback) {
    JsonNode v = repeatSettings.get(name);
    return v != null && v.canConvertToInt() ? v.asInt() : fallback;
  }

  public String label(String rule, String group) {
    String ruleLabel = RULE_LABELS.getOrDefault(rule, rule);
    Group g = group == null ? null : groups.get(rule + "." + group);
    if (g == null || g.label() == null || g.label().isBlank()) {
      return group == null || REPEATED.equals(rule) ? ruleLabel : ruleLabel + " · " + group.replace('_', ' ');
    }
    return ruleLabel + " · " + g.label();
  }

  public SpamRules spam() {
    return spam;
  }

  public AutoReplySettings autoReplies() {
    return autoReplies;
  }

  public SatisfactionSettings satisfaction() {
    return satisfaction;
  }

  /** The most recent order number in the texts (newest first), by the platform's pattern; null if none. */
  public String orderNumber(List<String> newestFirst) {
    if (orderNumber == null) {
      return null;
    }
    for (String t : newestFirst) {
      Matcher m = orderNumber.matcher(t);
      String last = null;
      while (m.find()) {
        last = m.group();
      }
      if (last != null) {
        return last;
      }
    }
    return null;
  }

  /** The shop's tracking link for an order, or null when no template is configured. */
  public String trackingLink(String order) {
    if (order == null || trackingLink.isBlank()) {
      return null;
    }
    return trackingLink.replace("{orderNumber}", order);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
