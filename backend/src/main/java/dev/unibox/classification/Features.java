package dev.unibox.classification;

import dev.unibox.domain.MessageClassifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a buyer message into the features the models weigh: the explicit cues of {@link Cues}, found
 * in the folded text (Chinese and Thai terms anywhere, Latin-script terms over ICU word segmentation, a
 * word of four letters or more also by prefix, so inflections and most typos still match), as concepts
 * shared by all languages: {@code c:DAMAGE}, negated {@code c:NEG_DAMAGE} ("nothing is
 * broken"), inside a question {@code c:REFUND_Q} or a condition {@code c:DAMAGE_IF} ("what if it
 * arrives damaged?"). Sentence markers: {@code s:Q}, {@code s:IF}, {@code s:NEG}. The words themselves
 * ({@code w:}, without diacritics) only help the category model: for urgency they made cross-validation
 * on the training split worse (docs/routing.md), so the urgency model sees the cues alone. Chinese text
 * also has its characters and pairs of adjacent characters ({@code h:坏}, {@code h:坏了}) for the Chinese
 * urgency model: a problem the cues have no word for is still told with characters other buyers used.
 *
 * <p>Features are produced the way OpenNLP's bag-of-words generator names them ({@code bow=c:DAMAGE}),
 * so scoring hands them to the maximum-entropy model directly; every cue's names are made once
 * ({@link SentenceCues}), not per message.
 */
public final class Features {

  /** The prefix OpenNLP's BagOfWordsFeatureGenerator gives every token. */
  static final String BOW = "bow=";

  private Features() {}

  /**
   * What each model weighs, as OpenNLP names them: the cue urgency model the cues alone, the category model
   * the cues and the words, the Chinese urgency model the cues and the Chinese characters (the very array of
   * the cues when the text has none). {@link #cues()}, {@link #cuesAndWords()} and {@link #cuesAndHan()} are
   * the same without the prefix (what a training sample holds: OpenNLP adds it).
   */
  public record Bag(String[] scoredCues, String[] scoredCuesAndWords, String[] scoredCuesAndHan) {

    /** The text holds Chinese characters: the Chinese urgency model weighs {@link #scoredCuesAndHan}. */
    public boolean chinese() {
      return scoredCuesAndHan != scoredCues;
    }

    /** At least one concept of the cues (not only sentence markers such as s:Q). */
    public boolean hasCue() {
      for (String f : scoredCues) {
        if (f.startsWith(CONCEPT)) {
          return true;
        }
      }
      return false;
    }

    public String[] cues() {
      return unprefixed(scoredCues);
    }

    public String[] cuesAndWords() {
      return unprefixed(scoredCuesAndWords);
    }

    public String[] cuesAndHan() {
      return unprefixed(scoredCuesAndHan);
    }

    private static String[] unprefixed(String[] features) {
      String[] out = new String[features.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = features[i].substring(BOW.length());
      }
      return out;
    }
  }

  /** The features of a message's first {@link MessageClassifier#MAX_CLASSIFIED_CHARS} characters. */
  public static Bag of(String rawText) {
    return ofNormalized(BuyerText.normalize(MessageClassifier.classifiedPart(rawText)));
  }

  /** Problems a buyer may deny ("not broken", "一点划痕都没有"); negated, each is c:NEG_<concept>. */
  private static final String[] PROBLEMS = {"DAMAGE", "FAULT", "MISSING", "WRONG", "DESCRIBED", "FAKE"};
  private static final String[] PLAIN_PROBLEMS = names("");
  private static final String[] DENIED_PROBLEMS = names("NEG_");
  /** Every problem the message names it denies: a calm message even without a thank-you. */
  private static final String DENIED = BOW + "c:DENIED";
  private static final String CONCEPT = BOW + "c:";
  private static final String HAN = BOW + "h:";

  private static String[] names(String prefix) {
    String[] out = new String[PROBLEMS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = BOW + "c:" + prefix + PROBLEMS[i];
    }
    return out;
  }

  static Bag ofNormalized(String text) {
    SentenceCues work = new SentenceCues();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        if (i > start) {
          work.read(text.substring(start, i), c == '?', emphatic(text, i));
        }
        start = i + 1;
      }
    }
    if (anyOf(work.out, DENIED_PROBLEMS) && !anyOf(work.out, PLAIN_PROBLEMS)) {
      work.out.add(DENIED);
    }
    String[] cues = work.out.toArray(String[]::new);
    String[] cuesAndHan = withHan(cues, text);
    work.out.addAll(work.words);
    return new Bag(cues, work.out.toArray(String[]::new), cuesAndHan);
  }

  /** The cues, then every Chinese character and every pair of adjacent ones; the cues alone without any. */
  private static String[] withHan(String[] cues, String text) {
    Set<String> out = null;
    for (int i = 0; i < text.length(); i++) {
      if (!BuyerText.isHan(text.charAt(i))) {
        continue;
      }
      if (out == null) {
        out = new LinkedHashSet<>(List.of(cues));
      }
      out.add(HAN + text.charAt(i));
      if (i + 1 < text.length() && BuyerText.isHan(text.charAt(i + 1))) {
        out.add(HAN + text.substring(i, i + 2));
      }
    }
    return out == null ? cues : out.toArray(String[]::new);
  }

  /** "??" or "?!" at i (runs are already shortened to two by the folding). */
  private static boolean emphatic(String text, int i) {
    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
    return i < text.length() && text.charAt(i) == '?' && (next == '?' || next == '!');
  }

  private static boolean anyOf(Set<String> features, String[] names) {
    for (String n : names) {
      if (features.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
