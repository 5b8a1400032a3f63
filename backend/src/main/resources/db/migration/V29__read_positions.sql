-- How far each user has read each conversation, so unread badges survive a reload, a second device and the
-- next shift's login. Only buyer messages after message_id count as unread.
CREATE TABLE read_positions (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  conversation_id bigint NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_id bigint NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
);
