import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentEventSource } from '../../../lib/api-types';
import { i18n } from '../../../lib/i18n';
import { getPreferences, savePreferences } from '../../../lib/preferences';
import { markConversationRead } from '../api/mark-read';
import { alertFor, countUnread, markRead, seedUnread, seenOnArrival, type Alert, type AlertPreferences } from './alerts';

/**
 * Unread counts (the server's when the list loads, kept live from the socket, and the read position saved
 * when a buyer message arrives in the chat that is open), and the sound and desktop notifications the
 * user opted into (saved in the preferences).
 */
export function useAlerts(events: AgentEventSource, me: number, openId: number | null, loaded: ReadonlyMap<number, number> | null) {
  const [unread, setUnread] = useState<ReadonlyMap<number, number>>(new Map());
  const [prefs, setPrefs] = useState<AlertPreferences>({ sound: false, desktop: false });
  const open = useRef({ id: openId, visible: true });
  open.current = { id: openId, visible: typeof document === 'undefined' || document.visibilityState === 'visible' };
  const prefsRef = useRef(prefs);
  prefsRef.current = prefs;

  useEffect(() => {
    const abort = new AbortController();
    getPreferences(abort.signal)
      .then((p) => p.notifications && setPrefs(p.notifications))
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  useEffect(() => {
    if (loaded) setUnread(seedUnread(loaded, open.current.id));
  }, [loaded]);

  // opening a chat reads it on the server too (GET /api/conversations/:id moves the read position)
  useEffect(() => setUnread((u) => markRead(u, openId)), [openId]);

  useEffect(
    () =>
      events.onEvent((event) => {
        setUnread((u) => countUnread(u, event, open.current));
        const seen = seenOnArrival(event, open.current);
        if (seen) void markConversationRead(seen.conversationId, seen.messageId).catch(() => undefined);
        const alert = alertFor(event, me, open.current);
        if (alert) ring(alert, prefsRef.current);
      }),
    [events, me],
  );

  const choose = useCallback((next: AlertPreferences) => {
    if (next.desktop && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission();
    }
    setPrefs(next);
    void savePreferences({ notifications: next }).catch(() => undefined);
  }, []);

  return { unread, prefs, choose };
}

function ring(alert: Alert, prefs: AlertPreferences) {
  if (prefs.sound) beep(alert.kind === 'urgent' ? 880 : 660);
  if (prefs.desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const title = i18n.t(alert.kind === 'urgent' ? 'speed:alert.urgent' : 'speed:alert.new', { buyer: alert.conversation.buyer.name });
    new Notification(title, { body: alert.text ?? alert.conversation.shopName, tag: `conversation-${alert.conversation.id}` });
  }
}

let audio: AudioContext | null = null;

/** A short tone (no sound file to ship). */
function beep(frequency: number) {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.3);
  } catch {
    // no audio device: the badge still counts
  }
}
