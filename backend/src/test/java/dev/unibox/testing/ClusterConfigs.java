package dev.unibox.testing;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import io.vertx.pgclient.PgConnectOptions;
import java.util.List;

/**
 * Parts of the YAML configuration of nodes started as separate processes (the cluster test and benchmark): the
 * shared database, node i's cluster section, and shops 1..n of one fake Shopee as accounts (the same on every node).
 */
public final class ClusterConfigs {

  private ClusterConfigs() {}

  public static String databaseYaml(PgConnectOptions pg, int poolSize) {
    return """
        database:
          url: postgresql://%s:%s@127.0.0.1:%d/%s
          poolSize: %d
        """.formatted(pg.getUser(), pg.getPassword(), pg.getPort(), pg.getDatabase(), poolSize);
  }

  /** Node {@code i} (from 1) of the members, its Hazelcast port {@code hazelcastPorts[i - 1]}. */
  public static String clusterYaml(int i, List<Integer> hazelcastPorts, String members) {
    return """
        cluster:
          enabled: true
          nodeName: node%d
          host: 127.0.0.1
          port: %d
          members: "%s"
        """.formatted(i, hazelcastPorts.get(i - 1), members);
  }

  public static long shopId(int i) {
    return 330_000 + i;
  }

  /**
   * The YAML {@code accounts:} section; callbacks go to {@code callback} (pushes are sent by the test itself),
   * {@code options} is a YAML flow map of the account options.
   */
  public static String accountsYaml(FakeShopee shopee, int shops, long partnerId, String partnerKey, String callback,
                                    String options) {
    StringBuilder yaml = new StringBuilder("accounts:\n");
    for (int i = 1; i <= shops; i++) {
      yaml.append("""
            - id: shop-%d
              platform: shopee
              shopId: "%d"
              shopName: Shop %d
              region: MY
              timeZone: Asia/Kuala_Lumpur
              apiBaseUrl: %s
              callbackUrl: %s
              credentials: {appKey: "%d", appSecret: %s, accessToken: token-%d, refreshToken: refresh-token-%d}
              options: %s
          """.formatted(i, shopId(i), i, shopee.baseUrl(), callback, partnerId, partnerKey, i, i, options));
    }
    return yaml.toString();
  }
}
