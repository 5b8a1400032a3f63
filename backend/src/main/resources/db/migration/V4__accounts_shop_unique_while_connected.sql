-- A removed account keeps its row (its conversations reference it), so the same shop can be connected again
-- under a new id: (platform, shop_id) is unique only among accounts that are not removed.
ALTER TABLE accounts DROP CONSTRAINT accounts_platform_shop_id_key;
CREATE UNIQUE INDEX accounts_platform_shop_connected ON accounts (platform, shop_id) WHERE status <> 'removed';
