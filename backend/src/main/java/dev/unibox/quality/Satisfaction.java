package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.SatisfactionSettings;
import dev.unibox.quality.rules.Texts;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Satisfaction invites and ratings (who may invite when: {@link InviteFacts}). The invite goes to the buyer
 * through the outbox; the buyer's answer in chat ("1", "满意", "3 态度差"…) is read while the invite is open
 * and stored per conversation and agent; ratings the platform reports elsewhere can be recorded by a
 * supervisor. The rates: {@link SatisfactionRates}.
 */
public final class Satisfaction {

  static final String INVITED_ACTIVITY = "satisfaction_invited";
  static final String RATED_ACTIVITY = "satisfaction_rated";

  private final QualityRules rules;
  private final UnitOfWork work;

  public Satisfaction(Vertx vertx, Pool pool, QualityRules rules, Clock clock) {
    this.rules = rules;
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** Whether an invite is possible now, why not, and the conversation's invites and ratings. */
  Future<JsonObject> state(CurrentUser user, long id) {
    return SatisfactionStore.facts(work.pool(), id).compose(f -> {
      f.requireActor(user);
      String why = f.whyNoInvite();
      return SatisfactionStore.history(work.pool(), id)
          .map(history -> new JsonObject().put("canInvite", why == null).put("why", why).put("history", history));
    });
  }

  /** Sends the shop's invite text to the buyer; the message queued in the outbox. */
  Future<JsonObject> invite(CurrentUser user, long id) {
    return work.run(change -> SatisfactionStore.lock(change.conn(), id)
        .compose(v -> SatisfactionStore.facts(change.conn(), id))
        .compose(f -> invite(change, user, f)));
  }

  private Future<JsonObject> invite(Change change, CurrentUser user, InviteFacts f) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    f.requireActor(user);
    String why = f.whyNoInvite();
    if (why != null) {
      return Future.failedFuture(new ApiException(409, f.noInviteCode(), why));
    }
    RuleSet set = rules.forShop(f.platform(), f.accountId());
    SatisfactionSettings s = set.satisfaction();
    Texts.Variant variant = Texts.pick(s.invite(), f.language(), set.autoReplies().defaultLanguage());
    if (variant == null) {
      return Future.failedFuture(new ApiException(409, "no_invite_text", "This shop has no satisfaction invite text"
          + " configured (quality rules: satisfaction.invite)"));
    }
    String text = Texts.render(variant.text(), Map.of("shopName", f.shopName(), "buyerName", f.buyerName())).text();
    change.afterCommit(Kicks::outbox);
    return QualityOutbox.send(change, f.id(), f.accountId(), "text", text, user.id(), user.displayName())
        .compose(message -> SatisfactionStore.insertInvite(conn, f.id(), user.id(), message.getLong("id"), now,
                now.plus(Duration.ofHours(s.validHours())))
            .compose(v -> Activities.record(conn, f.id(), INVITED_ACTIVITY, user.id(), null,
                user.displayName() + " invited the buyer to rate the service", now))
            .map(message));
  }

  /**
   * In the ingest transaction: a buyer message while an invite is open is read as the rating; anything
   * else (or after the invite expired) ends the invite. True when the message was a rating.
   */
  Future<Boolean> afterBuyerMessage(SqlConnection conn, long conversationId, String accountId, String status,
                                    long messageId, String text, SatisfactionSettings settings, Instant now) {
    return SatisfactionStore.openInvite(conn, conversationId).compose(invite -> {
      if (invite == null) {
        return Future.succeededFuture(false);
      }
      Optional<SatisfactionSettings.Rating> rating = invite.expiresAt().isAfter(now) ? settings.read(text)
          : Optional.empty();
      if (rating.isEmpty()) {
        return SatisfactionStore.endInvite(conn, invite.id(), now, "voided").map(false);
      }
      SatisfactionSettings.Rating r = rating.get();
      return SatisfactionStore.endInvite(conn, invite.id(), now, "rated")
          .compose(v -> SatisfactionStore.insertRating(conn, new SatisfactionStore.NewRating(conversationId, accountId,
              invite.agentId(), invite.id(), r.rating(), r.reason(), "chat", messageId, null, now)))
          .compose(v -> "queued".equals(status) ? SatisfactionStore.keepSolved(conn, conversationId, now)
              : Future.<Void>succeededFuture())
          .compose(v -> Activities.record(conn, conversationId, RATED_ACTIVITY, null, invite.agentId(),
              "The buyer rated the service: " + r.rating() + (r.reason() == null ? "" : " (" + r.reason().replace('_', ' ')
                  + ")") + "; the conversation stays solved", now))
          .map(true);
    });
  }

  /** A rating the platform reported elsewhere (e.g. Kuaishou's back office), entered by a supervisor; its id. */
  Future<Long> recordPlatformRating(CurrentUser user, long id, String rating, String reason, Instant ratedAt) {
    return SatisfactionStore.facts(work.pool(), id).compose(f -> {
      Access.serves(user, f.accountId());
      return SatisfactionStore.insertRating(work.pool(), new SatisfactionStore.NewRating(id, f.accountId(),
          f.lastAssigneeId(), null, rating, reason, "platform", null, user.id(), ratedAt == null ? work.clock().instant() : ratedAt));
    });
  }

  /** The rates of a period in the user's shops (or one of them, account not null). */
  Future<SatisfactionRates> rates(CurrentUser user, SatisfactionRates.Period period, ZoneId zone, String account) {
    return SatisfactionStore.rates(work.pool(), period.from().atStartOfDay(zone).toOffsetDateTime(),
        period.to().atStartOfDay(zone).toOffsetDateTime(), user, account);
  }
}
