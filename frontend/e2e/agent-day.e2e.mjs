// Browser journey, at desktop and at phone size: an agent's day. Log in, see the list (the chat's unread
// badge comes from the server), open a chat, answer it with a quick reply, mark it solved, go back to the
// list (on the phone with the Back button). Each size works on its own chat (CHAT_desktop, CHAT_phone) in a
// fresh browser. Screenshots of every step are kept in SCREENSHOT_DIR as agent-day-<size>-<step>.png. Run by
// the backend's JUnit test (BrowserJourneysTest).
// Protocol over stdout (each line carries the size):
//   LAYOUT <size> <step> <px>   the page's scroll width at that step (the script fails above the window width)
//   SENT <size> <id>            the quick reply was delivered (data-status="sent")
//   SOLVED <size> <id>          the header says solved
//   BACK <size> <id>            the list is shown again without the solved chat
//   DONE                        exit 0;  FAILED: <size>: <reason> (screenshot in SCREENSHOT_DIR), exit 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, SHORTCUT, QUICK_TEXT_desktop, QUICK_TEXT_phone,
// CHAT_desktop, CHAT_phone, CHROMIUM, SCREENSHOT_DIR.
import { checkLayout, checkReachable, checkWholeText, env, login, runAtBothSizes, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const shortcut = env('SHORTCUT');
await runAtBothSizes('agent-day', async ({ page, size, phone, shot }) => {
  const chat = env(`CHAT_${size.name}`);
  const quickText = env(`QUICK_TEXT_${size.name}`);
  const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${chat}"]`);

  await step('log in', () => login(page, baseUrl, env('AGENT_USER'), env('AGENT_PASS')));
  await step('the list shows the chat', () => row.waitFor());
  // the buyer wrote before this browser existed: only the server's read positions can know it is unread
  await step('the chat carries its unread badge from the server', async () => {
    const badge = row.getByTestId('unread-badge');
    await badge.waitFor();
    const text = (await badge.textContent())?.trim();
    if (text !== '1') throw new Error(`the unread badge says “${text}”, expected “1”`);
  });
  await shot('list');
  await step('the list fits', () => checkLayout(page, size, 'list', { 'conversation-list': phone ? 360 : 290 }));

  await step('open the chat', async () => {
    await row.click();
    await page.locator(`[data-testid="conversation-view"][data-conversation-id="${chat}"]`).waitFor();
    await page.getByTestId('timeline').locator('[data-testid="timeline-message"][data-direction="in"]').first().waitFor();
  });
  if (phone && (await page.getByTestId('conversation-list').isVisible())) {
    throw new Error('the list is still shown beside the open chat on the phone');
  }
  await shot('chat');
  await step('the open chat fits', () =>
    checkLayout(page, size, 'chat', { 'conversation-view': phone ? 370 : 600, timeline: phone ? 340 : 500, 'reply-input': phone ? 260 : 400 }),
  );
  await step('the header shows the buyer and every action', async () => {
    await checkWholeText(page.getByTestId('conversation-header').locator('h2'), 'the buyer’s name');
    for (const action of ['close-conversation', 'urgency-correction', 'invite-rating']) await checkReachable(page, size, action);
  });

  const input = page.getByTestId('reply-input');
  await step(`type /${shortcut} and pick the quick reply`, async () => {
    await input.focus();
    await page.keyboard.type(`/${shortcut}`);
    await page.locator(`[data-testid="quick-reply-option"][data-shortcut="${shortcut}"]`).waitFor();
    await checkReachable(page, size, 'quick-reply-list');
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-reply-list').waitFor({ state: 'detached' });
    const value = await input.inputValue();
    if (value !== quickText) throw new Error(`the composer holds “${value}”, expected “${quickText}”`);
  });
  await shot('quick-reply');
  await step('send it and see it delivered', async () => {
    await page.locator('[data-testid="composer"][data-verdict="clean"]').waitFor();
    await checkReachable(page, size, 'reply-send');
    await page.getByTestId('reply-send').click();
    await page
      .getByTestId('timeline')
      .locator('[data-testid="timeline-message"][data-direction="out"][data-status="sent"]')
      .filter({ hasText: quickText })
      .waitFor();
  });
  say(`SENT ${size.name} ${chat}`);

  await step('mark it solved', async () => {
    // answered: the solve button must not ask (a dialog here fails the step)
    page.once('dialog', (dialog) => dialog.dismiss());
    await checkReachable(page, size, 'close-conversation');
    await page.getByTestId('close-conversation').click();
    await page.locator('[data-testid="conversation-status"].status--closed').waitFor();
    await page.getByTestId('read-only-banner').waitFor(); // a solved chat opens read-only
  });
  await shot('solved');
  await step('the solved chat fits', () => checkLayout(page, size, 'solved'));
  say(`SOLVED ${size.name} ${chat}`);

  await step('back to the list', async () => {
    if (phone) {
      await checkReachable(page, size, 'back-to-list');
      await page.getByTestId('back-to-list').click();
      await page.getByTestId('conversation-list').waitFor();
      if (await page.getByTestId('conversation-view').isVisible()) throw new Error('the chat is still shown over the list');
    }
    await page.getByTestId('inbox').waitFor();
    await row.waitFor({ state: 'detached' });
  });
  await shot('back');
  await step('the list fits again', () => checkLayout(page, size, 'back', { inbox: phone ? 360 : 290 }));
  say(`BACK ${size.name} ${chat}`);
});
