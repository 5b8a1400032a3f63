-- Reports: order events from the platforms (Shopee's order status push, the bridge's order
-- events) and the conversion counters of the daily rollups.

-- One row per order and status: a redelivered push stores nothing new.
CREATE TABLE order_events (
  account_id        text NOT NULL REFERENCES accounts (id),
  order_id          text NOT NULL,
  status            text NOT NULL,
  platform_buyer_id text NOT NULL,            -- as buyers.platform_buyer_id
  placed_at         timestamptz NOT NULL,     -- when the buyer placed the order
  at                timestamptz NOT NULL,     -- when it reached this status
  received_at       timestamptz NOT NULL,     -- when we stored it: the rollup sweep reads by this
  PRIMARY KEY (account_id, order_id, status)
);
CREATE INDEX order_events_by_buyer ON order_events (account_id, platform_buyer_id, placed_at);
CREATE INDEX order_events_by_received ON order_events (received_at);

-- The sweep widens a change to the buyer's other conversations through conversations_by_buyer and
-- buyers_by_platform_id (V25__find.sql).

ALTER TABLE report_daily ADD COLUMN pre_sale_chats int NOT NULL DEFAULT 0;
ALTER TABLE report_daily ADD COLUMN converted int NOT NULL DEFAULT 0;
