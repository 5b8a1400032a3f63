package dev.unibox.adapters.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.adapters.shopee.ShopeeAdapterFactory;
import org.junit.jupiter.api.Test;

class PlatformAdaptersTest {

  @Test
  void findsTheShopeeFactoryThroughServiceLoader() {
    assertThat(PlatformAdapters.factory("shopee")).isInstanceOf(ShopeeAdapterFactory.class);
    assertThat(PlatformAdapters.platforms()).contains("shopee");
  }

  @Test
  void unknownPlatformFailsLoudly() {
    assertThatThrownBy(() -> PlatformAdapters.factory("nope"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope");
  }
}
