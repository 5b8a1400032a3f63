import { useEffect, useRef } from 'react';
import { actionFor, isTextField, type ShortcutAction } from './shortcuts';

/** Listens for the workspace's shortcuts on the whole page and hands each action to {@code onAction}. */
export function useShortcuts(onAction: (action: ShortcutAction) => void) {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = actionFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        typing: isTextField(document.activeElement),
      });
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
