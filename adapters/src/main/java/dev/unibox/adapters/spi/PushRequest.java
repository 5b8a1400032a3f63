package dev.unibox.adapters.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A platform push as received: headers (case-insensitive) and the raw body bytes that were signed. */
public record PushRequest(MultiMap headers, Buffer body) {}
