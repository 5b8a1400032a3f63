-- Reports by hour of day and by shift (issue 12): the same rollup as report_daily, one row per shop,
-- shop-local day, shop-local hour (0-23) and agent. A wait belongs to the hour it started in, a message,
-- activity, rating or inspection to the hour it happened in. The shift grouping maps each hour to the
-- roster's shift in force at that hour's start (docs/reports.md), so a roster edit needs no recomputation.
CREATE TABLE report_hourly (LIKE report_daily INCLUDING DEFAULTS);
ALTER TABLE report_hourly ADD COLUMN hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23);
ALTER TABLE report_hourly ADD PRIMARY KEY (account_id, day, hour, agent_id);
CREATE INDEX report_hourly_by_day ON report_hourly (day, account_id);

-- The same hours with the agents added up (one row per shop, day and hour): what a report per hour or shift
-- reads when it is not about one agent, several times fewer rows than report_hourly.
CREATE TABLE report_hourly_shop (LIKE report_hourly INCLUDING DEFAULTS);
ALTER TABLE report_hourly_shop DROP COLUMN agent_id;
ALTER TABLE report_hourly_shop ADD PRIMARY KEY (account_id, day, hour);
CREATE INDEX report_hourly_shop_by_day ON report_hourly_shop (day, account_id);
