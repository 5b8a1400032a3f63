package dev.unibox.adapters.spi;

/** What an account's platform lets agents send; the web app offers only what is supported. */
public record Capabilities(
    boolean text, boolean image, boolean productCard, boolean orderCard, boolean markRead, int maxTextLength) {}
