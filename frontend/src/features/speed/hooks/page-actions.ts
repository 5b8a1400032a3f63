// The shortcut actions that press a control of another feature: found by its test id, so the features
// stay independent of each other (the controls are the same ones a mouse user clicks).

const TARGETS = {
  solve: '[data-testid="close-conversation"]',
  transfer: '[data-testid="transfer-open"]',
  composer: '[data-testid="reply-input"]',
  search: '[data-testid="find-input"]',
} as const;

export function press(target: 'solve' | 'transfer'): boolean {
  const button = document.querySelector<HTMLButtonElement>(TARGETS[target]);
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

export function focus(target: 'composer' | 'search'): boolean {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(TARGETS[target]);
  if (!field || field.disabled) return false;
  field.focus();
  return true;
}

/** Focuses the reply box and starts a quick reply ("/"), as if typed, when the box is empty. */
export function startQuickReply(): boolean {
  const field = document.querySelector<HTMLTextAreaElement>(TARGETS.composer);
  if (!field || field.disabled) return false;
  field.focus();
  if (field.value === '') {
    // React listens for input events; set the value the way typing does.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(field, '/');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return true;
}
