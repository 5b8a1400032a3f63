package dev.unibox.adapters.spi;

/**
 * Platform keys of one account. For Shopee: appKey = partner_id, appSecret = partner_key.
 * For Lazada and TikTok Shop: app_key and app_secret.
 */
public record AccountCredentials(String appKey, String appSecret, String accessToken, String refreshToken) {

  @Override
  public String toString() {
    return "AccountCredentials[appKey=" + appKey + ", appSecret=***, accessToken=***, refreshToken=***]";
  }
}
