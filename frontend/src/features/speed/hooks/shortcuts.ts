// Keyboard shortcuts of the workspace: which key does what. Pure, so it is tested without a browser.

export type ShortcutAction = 'next' | 'previous' | 'solve' | 'transfer' | 'quickReply' | 'focusComposer' | 'focusSearch' | 'help';

/** The keys in the order the help sheet lists them. */
export const SHORTCUTS: { keys: string[]; action: ShortcutAction }[] = [
  { keys: ['j', 'Alt+↓'], action: 'next' },
  { keys: ['k', 'Alt+↑'], action: 'previous' },
  { keys: ['r'], action: 'focusComposer' },
  { keys: ['q'], action: 'quickReply' },
  { keys: ['e'], action: 'solve' },
  { keys: ['t'], action: 'transfer' },
  { keys: ['/'], action: 'focusSearch' },
  { keys: ['?'], action: 'help' },
];

const PLAIN: Record<string, ShortcutAction> = {
  j: 'next',
  k: 'previous',
  r: 'focusComposer',
  q: 'quickReply',
  e: 'solve',
  t: 'transfer',
  '/': 'focusSearch',
  '?': 'help',
};

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The focused element is a text field (input, textarea, select, contenteditable). */
  typing: boolean;
}

/**
 * The action of a key press, or null. Letters never act while the agent types (they are text then);
 * Alt+↓/↑ move between chats from anywhere; Ctrl/Cmd combinations belong to the browser.
 */
export function actionFor(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.metaKey) return null;
  if (input.altKey) {
    if (input.key === 'ArrowDown') return 'next';
    if (input.key === 'ArrowUp') return 'previous';
    return null;
  }
  if (input.typing) return null;
  return PLAIN[input.key] ?? null;
}

/** Whether an element takes typed text. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
  }
  return (element as HTMLElement).isContentEditable === true;
}

/** The conversation after (or before) the selected one in the list shown; the first when none is selected. */
export function neighbour(ids: number[], selected: number | null, step: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const index = selected === null ? -1 : ids.indexOf(selected);
  if (index < 0) return step === 1 ? ids[0] : ids[ids.length - 1];
  const next = index + step;
  return next < 0 || next >= ids.length ? ids[index] : ids[next];
}
