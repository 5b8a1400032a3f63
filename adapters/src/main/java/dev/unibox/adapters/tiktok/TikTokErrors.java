package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.support.ErrorKinds;
import java.util.Map;

/** TikTok Shop error codes [as TikTok's documentation reports them] and how the inbox handles them. */
public final class TikTokErrors {

  private static final Map<Long, ErrorKind> KINDS = Map.of(
      105002L, ErrorKind.TOKEN_EXPIRED,
      106001L, ErrorKind.BAD_SIGNATURE,
      36009002L, ErrorKind.RATE_LIMITED,
      45101004L, ErrorKind.RATE_LIMITED); // daily quota: retry after the platform's wait

  private TikTokErrors() {}

  public static ErrorKind classify(Long code, int httpStatus) {
    return ErrorKinds.classify(KINDS, code, httpStatus);
  }
}
