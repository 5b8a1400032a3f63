package dev.unibox.shifts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prefilled handover note: what the buyer asked last, what we promised, which orders are involved
 * and what is pending. Built from the conversation's messages only, so it is never empty and never
 * invents anything. Plain Java.
 */
public final class HandoverDraft {

  /** One message of the timeline, oldest first. */
  public record Line(boolean fromBuyer, String text, Instant at) {}

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** Words that make an agent's message a promise to keep (en, ms, zh-Hans/Hant, vi, th). */
  private static final List<String> PROMISE_WORDS = List.of(
      "will ", "i'll", "we'll", "promise", "tomorrow", "today", "within", "by monday", "follow up", "follow-up",
      "refund", "resend", "replace", "call you", "get back",
      "akan", "esok", "hari ini", "janji",
      "会", "會", "明天", "今天", "小时内", "小時內", "跟进", "跟進", "退款", "补发", "補發", "尽快", "盡快",
      "sẽ", "ngày mai", "hôm nay", "hoàn tiền",
      "จะ", "พรุ่งนี้", "วันนี้", "คืนเงิน");

  /** Order references: Shopee order numbers (6 digits + 8 letters/digits), "#1234", "order 12345". */
  private static final Pattern ORDER_REF = Pattern.compile(
      "\\b(\\d{6}[A-Z0-9]{8})\\b"
          + "|#\\s?([A-Z0-9-]{4,24})"
          + "|(?iu)(?:order|订单|訂單|pesanan|đơn hàng|คำสั่งซื้อ)\\s*(?:no\\.?|number|id|#|号|號|编号|編號)?\\s*[:：]?\\s*([A-Z0-9][A-Z0-9-]{4,24})");

  private HandoverDraft() {}

  public static String build(List<Line> lines, Instant now) {
    StringBuilder b = new StringBuilder();
    Line lastBuyer = null;
    int lastAgentIndex = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).fromBuyer()) {
        lastBuyer = lines.get(i);
      } else {
        lastAgentIndex = i;
      }
    }
    List<String> unanswered = new ArrayList<>();
    for (int i = lastAgentIndex + 1; i < lines.size(); i++) {
      unanswered.add(lines.get(i).text().strip());
    }
    if (!unanswered.isEmpty()) {
      b.append("Buyer asks (not answered yet): ").append(clip(String.join(" / ", unanswered), 400)).append('\n');
    } else if (lastBuyer != null) {
      b.append("Buyer's last question: ").append(clip(lastBuyer.text().strip(), 400)).append('\n');
    } else {
      b.append("Buyer's last question: (no buyer message yet)\n");
    }

    List<String> promises = new ArrayList<>();
    for (Line l : lines) {
      if (!l.fromBuyer() && isPromise(l.text())) {
        promises.add(HM.format(l.at()) + ": " + clip(l.text().strip(), 200));
      }
    }
    if (promises.isEmpty()) {
      b.append("Promised: nothing yet\n");
    } else {
      b.append("Promised:\n");
      promises.subList(Math.max(0, promises.size() - 3), promises.size()).forEach(p -> b.append("  - ").append(p).append('\n'));
    }

    Set<String> orders = new LinkedHashSet<>();
    for (Line l : lines) {
      Matcher m = ORDER_REF.matcher(l.text());
      while (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null && m.group(g).chars().anyMatch(Character::isDigit)) {
            orders.add(m.group(g));
          }
        }
      }
    }
    b.append("Orders: ").append(orders.isEmpty() ? "none mentioned" : String.join(", ", orders)).append('\n');

    if (!unanswered.isEmpty()) {
      Instant since = lines.get(lastAgentIndex + 1).at();
      b.append("Pending: the buyer has waited since ").append(HM.format(since))
          .append(" (").append(Math.max(0, (now.getEpochSecond() - since.getEpochSecond()) / 60)).append(" min)");
    } else if (lastAgentIndex >= 0) {
      b.append("Pending: our last reply was at ").append(HM.format(lines.get(lastAgentIndex).at()))
          .append("; keep the promises above");
    } else {
      b.append("Pending: first reply");
    }
    return b.toString();
  }

  static boolean isPromise(String text) {
    String t = text.toLowerCase(Locale.ROOT) + " ";
    return PROMISE_WORDS.stream().anyMatch(t::contains);
  }

  private static String clip(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
  }
}
