-- The web app's display preferences per user: the UI language and an optional time zone
-- (null = the browser's), so the choice follows the user to every device.
CREATE TABLE user_preferences (
  user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  language   text CHECK (language IN ('en', 'zh-CN')),
  time_zone  text,
  updated_at timestamptz NOT NULL
);
