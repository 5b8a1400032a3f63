package dev.unibox.adapters.shopee;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ShopeeAdapterFactoryTest {

  @Test
  void refusesUnusableSettingsListingEveryProblemWithoutSecrets(Vertx vertx) {
    AccountConfig broken = new AccountConfig("shopee-x", "shopee", "shop-one", "X", "MY", "Asia/Kuala_Lumpur",
        "partner.shopeemobile.com", null, new AccountCredentials("partner", "", "secret-token", null), Map.of());

    assertThatThrownBy(() -> new ShopeeAdapterFactory().create(vertx, broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiBaseUrl")
        .hasMessageContaining("shopId")
        .hasMessageContaining("appKey")
        .hasMessageContaining("appSecret")
        .message().doesNotContain("secret-token");
  }

  @Test
  void refusesNonNumericOptions(Vertx vertx) {
    AccountConfig badOption = ShopeeTestAccounts.account("http://127.0.0.1:9", ShopeeTestAccounts.CALLBACK_URL,
        ShopeeTestAccounts.PARTNER_KEY, Map.of("maxTextLength", "lots"));

    assertThatThrownBy(() -> new ShopeeAdapterFactory().create(vertx, badOption))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTextLength");
  }
}
