package dev.unibox.adapters.shopee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ShopeeSignerTest {

  /** The documented formula, computed here without the signer's code. */
  private static String referenceHmac(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(message.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  @Test
  void apiSignIsLowerHexHmacOfPartnerPathTimestampTokenShop() throws Exception {
    String sign = ShopeeSigner.apiSign("my-partner-key", "2001234", "/api/v2/sellerchat/send_message",
        1_767_225_600L, "access-abc", "88001");

    assertThat(sign)
        .isEqualTo(referenceHmac("my-partner-key",
            "2001234/api/v2/sellerchat/send_message1767225600access-abc88001"))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void apiSignWithoutShopCoversPartnerPathAndTimestampOnly() throws Exception {
    assertThat(ShopeeSigner.apiSign("k", "1", "/api/v2/auth/token/get", 10L, null, null))
        .isEqualTo(referenceHmac("k", "1/api/v2/auth/token/get10"));
  }

  @Test
  void pushSignatureCoversCallbackUrlPipeAndRawBody() throws Exception {
    String body = "{\"code\":10,\"shop_id\":88001,\"data\":{\"text\":\"barang sampai rosak, nak refund\"}}";
    String url = "https://inbox.example.com/webhooks/shopee";

    String signature = ShopeeSigner.pushSignature("my-partner-key", url, body.getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo(referenceHmac("my-partner-key", url + "|" + body));
    assertThat(ShopeeSigner.verifyPush("my-partner-key", url, body.getBytes(StandardCharsets.UTF_8), signature))
        .isTrue();
    assertThat(ShopeeSigner.verifyPush("my-partner-key", url, body.getBytes(StandardCharsets.UTF_8),
        signature.toUpperCase())).as("hex case does not matter").isTrue();
    assertThat(ShopeeSigner.verifyPush("other-key", url, body.getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(ShopeeSigner.verifyPush("my-partner-key", url + "x", body.getBytes(StandardCharsets.UTF_8),
        signature)).isFalse();
    assertThat(ShopeeSigner.verifyPush("my-partner-key", url, body.getBytes(StandardCharsets.UTF_8), null))
        .isFalse();
  }
}
