package dev.unibox.adapters.spi;

import java.time.Instant;

public record SendResult(String platformMessageId, Instant sentAt) {}
