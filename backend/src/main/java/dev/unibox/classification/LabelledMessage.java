package dev.unibox.classification;

import dev.unibox.domain.Category;

/** One buyer message with its truth: urgent or not, category, intent (corpus line or agent correction). */
public record LabelledMessage(String language, boolean urgent, Category category, String intent, String text) {}
