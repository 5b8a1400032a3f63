package dev.unibox.domain;

/** What one buyer message says about its conversation. language is an ISO code or "und". */
public record Classification(Priority priority, Category category, String language) {}
