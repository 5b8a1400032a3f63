package dev.unibox.quality.rules;

/**
 * One thing the inspection found in a reply.
 *
 * @param rule        absolute, confrontational, platform, repeated (or a rule an admin added)
 * @param group       the list within the rule (superlative, buck_passing, off_platform…)
 * @param label       a human name of the rule and list, e.g. "Absolute terms · superlatives (最…)"
 * @param term        the configured term that matched (without anchors); for repeated text, empty
 * @param language    the language of the list the term came from (zh, en, th, vi, ms…)
 * @param start       first UTF-16 index of the match in the reply
 * @param end         index after the match
 * @param matched     the reply's own text at [start, end)
 * @param action      what this shop's policy does about it (never OFF)
 * @param overridable for BLOCK: whether an agent may send anyway with a reason
 * @param fix         a replacement to suggest for the matched text, or null
 * @param hint        how to word it instead, or null
 */
public record Finding(String rule, String group, String label, String term, String language, int start, int end, String matched,
                      Action action, boolean overridable, String fix, String hint) {}
