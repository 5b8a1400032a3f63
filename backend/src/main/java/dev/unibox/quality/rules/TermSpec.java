package dev.unibox.quality.rules;

/**
 * One line of a word list: {@code term} or {@code term => fix} (the fix is suggested to the agent as the
 * replacement), with the optional {@code ^}/{@code $} anchors of {@link TermIndex}.
 */
public record TermSpec(String term, String fix) {

  /** @return null for an empty line */
  public static TermSpec parse(String line) {
    if (line == null) {
      return null;
    }
    String term = line;
    String fix = null;
    int arrow = line.indexOf("=>");
    if (arrow >= 0) {
      term = line.substring(0, arrow);
      fix = line.substring(arrow + 2).strip();
      if (fix.isEmpty()) {
        fix = null;
      }
    }
    term = term.strip();
    String bare = term.replaceAll("^\\^", "").replaceAll("\\$$", "").strip();
    return bare.isEmpty() ? null : new TermSpec(term, fix);
  }

  /** The term without its anchors. */
  public String bare() {
    String t = term;
    if (t.startsWith("^")) {
      t = t.substring(1);
    }
    if (t.endsWith("$") && t.length() > 1) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip();
  }
}
