-- Fills report_hourly for the history already rolled up: the next sweep reads every conversation again
-- (as the first sweep of an empty database does) and writes each shop-day's daily and hourly rows.
UPDATE report_sweep SET swept_until = '1970-01-01T00:00:00Z' WHERE id = 1;
