package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.TokenSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of runtime account management, credentials, health and alerts. Secrets only as ciphertext. */
public final class AccountAdminStore {

  private static final String INSERT_API_ACCOUNT = """
      INSERT INTO accounts (id, platform, shop_id, shop_name, region, time_zone, source, status, api_base_url,
                            callback_url, options)
      VALUES ($1, $2, $3, $4, $5, $6, 'api', 'active', $7, $8, $9)""";

  private static final String UPSERT_CREDENTIALS = """
      INSERT INTO account_credentials (account_id, app_key, app_secret_enc, access_token_enc, refresh_token_enc,
                                       access_expires_at, refresh_expires_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (account_id) DO UPDATE SET app_key = COALESCE(EXCLUDED.app_key, account_credentials.app_key),
        app_secret_enc = COALESCE(EXCLUDED.app_secret_enc, account_credentials.app_secret_enc),
        access_token_enc = EXCLUDED.access_token_enc, refresh_token_enc = EXCLUDED.refresh_token_enc,
        access_expires_at = EXCLUDED.access_expires_at, refresh_expires_at = EXCLUDED.refresh_expires_at,
        updated_at = EXCLUDED.updated_at""";

  /** One statement: both tokens change together or not at all. */
  private static final String SAVE_TOKENS = """
      INSERT INTO account_credentials (account_id, access_token_enc, refresh_token_enc, access_expires_at,
                                       refresh_expires_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (account_id) DO UPDATE SET access_token_enc = EXCLUDED.access_token_enc,
        refresh_token_enc = EXCLUDED.refresh_token_enc, access_expires_at = EXCLUDED.access_expires_at,
        refresh_expires_at = EXCLUDED.refresh_expires_at, updated_at = EXCLUDED.updated_at""";

  private static final String LOAD_TOKENS = """
      SELECT access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at FROM account_credentials
      WHERE account_id = $1 AND access_token_enc IS NOT NULL""";

  private static final String API_ACCOUNTS = """
      SELECT a.*, c.app_key, c.app_secret_enc FROM accounts a LEFT JOIN account_credentials c ON c.account_id = a.id
      WHERE a.source = 'api' AND a.status <> 'removed' ORDER BY a.id""";

  private static final String STATUSES = "SELECT id, status, paused_reason FROM accounts";

  private static final String SET_STATUS = "UPDATE accounts SET status = $2, paused_reason = $3 WHERE id = $1";

  private static final String ENSURE_HEALTH = """
      INSERT INTO account_health (account_id, updated_at) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING""";

  private static final String PUSHED = """
      UPDATE account_health SET last_push_at = $2, updated_at = $2 WHERE account_id = $1""";

  private static final String POLLED = """
      UPDATE account_health SET last_poll_at = $2, poll_cursor = COALESCE($3, poll_cursor), last_poll_error = $4,
        recovered_count = recovered_count + $5, updated_at = $2 WHERE account_id = $1""";

  private static final String CURSOR = "SELECT poll_cursor FROM account_health WHERE account_id = $1";

  private static final String FAILED_CALL = """
      UPDATE account_health SET error_count = error_count + 1,
        rate_limit_count = rate_limit_count + CASE WHEN $3 THEN 1 ELSE 0 END,
        last_error = $4, last_error_at = $2, updated_at = $2 WHERE account_id = $1""";

  private static final String TOKEN = """
      UPDATE account_health SET token_expires_at = $2, token_dead = $3, updated_at = $4 WHERE account_id = $1""";

  private static final String INSERT_ALERT = """
      INSERT INTO admin_alerts (account_id, kind, message, at) VALUES ($1, $2, $3, $4) RETURNING id""";

  private static final String RESOLVE_ALERTS =
      "UPDATE admin_alerts SET resolved_at = $2 WHERE account_id = $1 AND resolved_at IS NULL";

  private static final String ADMINS = "SELECT id FROM users WHERE role = 'admin' ORDER BY id";

  private static final String LIST = """
      SELECT a.id, a.platform, a.shop_id, a.shop_name, a.region, a.time_zone, a.source, a.status, a.paused_reason,
             h.last_push_at, h.last_poll_at, h.last_poll_error, h.token_expires_at, h.token_dead, h.error_count,
             h.rate_limit_count, h.last_error, h.last_error_at, h.recovered_count,
             (SELECT count(*) FROM admin_alerts al WHERE al.account_id = a.id AND al.resolved_at IS NULL) AS open_alerts
      FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id
      WHERE a.status <> 'removed' ORDER BY a.id""";

  private static final String OPEN_ALERTS = """
      SELECT id, account_id, kind, message, at FROM admin_alerts WHERE resolved_at IS NULL ORDER BY at DESC LIMIT 100""";

  /** Replies held while the account was paused become due again at once. */
  private static final String RELEASE_HELD_REPLIES = """
      UPDATE outbox SET next_attempt_at = $2 WHERE account_id = $1 AND status = 'pending' AND last_error = 'account paused'""";

  private static final String EXISTS = "SELECT status FROM accounts WHERE id = $1";

  private static final String SHOP_TAKEN =
      "SELECT id FROM accounts WHERE platform = $1 AND shop_id = $2 AND status <> 'removed'";

  private static final String REVIVE = """
      UPDATE accounts SET platform = $2, shop_id = $3, shop_name = $4, region = $5, time_zone = $6, source = 'api',
        status = 'active', paused_reason = NULL, api_base_url = $7, callback_url = $8, options = $9
      WHERE id = $1 AND status = 'removed'""";

  private final SecretBox box;

  public AccountAdminStore(SecretBox box) {
    this.box = box;
  }

  public Future<Void> insertApiAccount(SqlClient c, AccountConfig a, Instant now) {
    JsonObject options = new JsonObject(new HashMap<>(a.options()));
    Tuple row = Tuple.from(new Object[] {a.accountId(), a.platform(), a.shopId(), a.shopName(), a.region(),
        a.timeZone(), a.apiBaseUrl(), a.callbackUrl(), options});
    return c.preparedQuery(EXISTS).execute(Tuple.of(a.accountId())).compose(rows -> rows.size() == 0
            ? c.preparedQuery(INSERT_API_ACCOUNT).execute(row).mapEmpty()
            : c.preparedQuery(REVIVE).execute(row).mapEmpty())
        .compose(v -> c.preparedQuery(UPSERT_CREDENTIALS).execute(Tuple.from(new Object[] {a.accountId(),
            a.credentials().appKey(), box.encrypt(a.credentials().appSecret()), box.encrypt(a.credentials().accessToken()),
            box.encrypt(a.credentials().refreshToken()), null, null, utc(now)})).mapEmpty())
        .compose(v -> ensureHealth(c, a.accountId(), now));
  }

  /** "active", "paused", "removed", or empty when the id is unknown. */
  public Future<Optional<String>> status(SqlClient c, String accountId) {
    return c.preparedQuery(EXISTS).execute(Tuple.of(accountId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("status")));
  }

  public Future<Optional<String>> shopTakenBy(SqlClient c, String platform, String shopId) {
    return c.preparedQuery(SHOP_TAKEN).execute(Tuple.of(platform, shopId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("id")));
  }

  public Future<List<AccountConfig>> apiAccounts(SqlClient c) {
    return c.query(API_ACCOUNTS).execute().map(rows -> {
      List<AccountConfig> out = new ArrayList<>();
      for (Row r : rows) {
        JsonObject opts = r.getJsonObject("options");
        Map<String, String> options = new HashMap<>();
        if (opts != null) {
          opts.forEach(e -> options.put(e.getKey(), String.valueOf(e.getValue())));
        }
        out.add(new AccountConfig(r.getString("id"), r.getString("platform"), r.getString("shop_id"),
            r.getString("shop_name"), r.getString("region"), r.getString("time_zone"), r.getString("api_base_url"),
            r.getString("callback_url"), new AccountCredentials(r.getString("app_key"),
                box.decrypt(r.getString("app_secret_enc")), null, null), options));
      }
      return out;
    });
  }

  public Future<Map<String, String>> statuses(SqlClient c) {
    return c.query(STATUSES).execute().map(rows -> {
      Map<String, String> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString("id"), r.getString("status")));
      return out;
    });
  }

  public Future<Void> setStatus(SqlClient c, String accountId, String status, String reason) {
    return c.preparedQuery(SET_STATUS).execute(Tuple.of(accountId, status, reason)).mapEmpty();
  }

  public Future<Void> releaseHeldReplies(SqlClient c, String accountId, Instant now) {
    return c.preparedQuery(RELEASE_HELD_REPLIES).execute(Tuple.of(accountId, utc(now))).mapEmpty();
  }

  public Future<Void> saveTokens(SqlClient c, String accountId, TokenSet t, Instant now) {
    return c.preparedQuery(SAVE_TOKENS).execute(Tuple.from(new Object[] {accountId, box.encrypt(t.accessToken()),
        box.encrypt(t.refreshToken()), utc(t.accessExpiresAt()), utc(t.refreshExpiresAt()), utc(now)})).mapEmpty();
  }

  public Future<Optional<TokenSet>> loadTokens(SqlClient c, String accountId) {
    return c.preparedQuery(LOAD_TOKENS).execute(Tuple.of(accountId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new TokenSet(box.decrypt(r.getString("access_token_enc")),
          box.decrypt(r.getString("refresh_token_enc")), instant(r.getOffsetDateTime("access_expires_at")),
          instant(r.getOffsetDateTime("refresh_expires_at"))));
    });
  }

  public Future<Void> ensureHealth(SqlClient c, String accountId, Instant now) {
    return c.preparedQuery(ENSURE_HEALTH).execute(Tuple.of(accountId, utc(now))).mapEmpty();
  }

  public Future<Void> pushed(SqlClient c, String accountId, Instant now) {
    return c.preparedQuery(PUSHED).execute(Tuple.of(accountId, utc(now))).mapEmpty();
  }

  public Future<Void> polled(SqlClient c, String accountId, String cursor, String error, int recovered, Instant now) {
    return c.preparedQuery(POLLED).execute(Tuple.of(accountId, utc(now), cursor, error, recovered)).mapEmpty();
  }

  public Future<String> cursor(SqlClient c, String accountId) {
    return c.preparedQuery(CURSOR).execute(Tuple.of(accountId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("poll_cursor"));
  }

  public Future<Void> failedCall(SqlClient c, String accountId, boolean rateLimited, String error, Instant now) {
    return c.preparedQuery(FAILED_CALL).execute(Tuple.of(accountId, utc(now), rateLimited, error)).mapEmpty();
  }

  public Future<Void> token(SqlClient c, String accountId, Instant expiresAt, boolean dead, Instant now) {
    return c.preparedQuery(TOKEN).execute(Tuple.of(accountId, utc(expiresAt), dead, utc(now))).mapEmpty();
  }

  public Future<Long> insertAlert(SqlClient c, String accountId, String kind, String message, Instant now) {
    return c.preparedQuery(INSERT_ALERT).execute(Tuple.of(accountId, kind, message, utc(now)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Void> resolveAlerts(SqlClient c, String accountId, Instant now) {
    return c.preparedQuery(RESOLVE_ALERTS).execute(Tuple.of(accountId, utc(now))).mapEmpty();
  }

  public Future<List<Long>> admins(SqlClient c) {
    return c.query(ADMINS).execute().map(rows -> {
      List<Long> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getLong("id")));
      return out;
    });
  }

  public Future<List<Row>> list(SqlClient c) {
    return c.query(LIST).execute().map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    });
  }

  public Future<List<Row>> openAlerts(SqlClient c) {
    return c.query(OPEN_ALERTS).execute().map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    });
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
