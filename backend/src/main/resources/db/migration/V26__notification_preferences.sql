-- Opt-in alerts for new and urgent chats: a sound and desktop notifications, both off until chosen.
ALTER TABLE user_preferences
  ADD COLUMN notify_sound   boolean NOT NULL DEFAULT false,
  ADD COLUMN notify_desktop boolean NOT NULL DEFAULT false;
