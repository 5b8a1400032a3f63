// Shared launcher for the browser end-to-end scripts (plain Node ESM, playwright-core, the system Chromium).
// The scripts are run by the backend's JUnit tests, which talk to them over stdout lines (READY, DONE...).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The two sizes every journey is run at: a laptop, and a phone 390 px wide (an iPhone 12–15). */
export const DESKTOP = { name: 'desktop', width: 1280, height: 800 };
export const PHONE = { name: 'phone', width: 390, height: 844 };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A required environment variable, or `fallback` when given; a missing one fails with its name. */
export function env(name, fallback) {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`environment variable ${name} is not set`);
}

/** Prints one protocol line (READY, DONE...) on stdout, alone on its line. */
export function say(line) {
  process.stdout.write(`${line}\n`);
}

/** Diagnostics go to stderr so they never mix with the protocol lines. */
export function log(...parts) {
  process.stderr.write(`[e2e] ${parts.join(' ')}\n`);
}

/** Runs one named step; a failure says which step failed (the FAILED line shows only the first line). */
export async function step(description, action) {
  try {
    return await action();
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    throw new Error(`${description}: ${reason}`, { cause: error });
  }
}

/**
 * Starts the system Chromium headless with a fresh, throw-away profile.
 * Returns the persistent context, its first page and close(), which also deletes the profile.
 */
export async function launchBrowser({
  executablePath = env('CHROMIUM', '/usr/bin/chromium'),
  headless = true,
  viewport = DESKTOP,
} = {}) {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'unibox-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args: CHROMIUM_ARGS,
      viewport: { width: viewport.width, height: viewport.height },
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log('page error:', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log(`browser ${message.type()}:`, message.text());
  });
  const close = async () => {
    try {
      await context.close();
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  };
  return { context, page, close };
}

/**
 * Runs one scenario: launches the browser, runs `scenario({page, context, size})`, and exits the process:
 * 0 on success; on failure (or after `timeoutMs`) it saves a screenshot into SCREENSHOT_DIR,
 * prints `FAILED: <reason>` on stdout and the details on stderr, and exits 1.
 * With `sizes`, the scenario runs once per size, in order, each in a fresh browser (its own profile, so its
 * own session) opened at that size; the scenario is told the size and picks its data by `size.name`.
 */
export async function runScenario(name, scenario, { timeoutMs = 120_000, sizes = [DESKTOP], sayDone = false } = {}) {
  let browser;
  let current = sizes[0];
  let exitCode = 0;
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    const run = async () => {
      for (const size of sizes) {
        current = size;
        browser = await launchBrowser({ viewport: size });
        await scenario({ page: browser.page, context: browser.context, size });
        const done = browser;
        browser = undefined;
        await done.close();
      }
    };
    await Promise.race([run(), timeout]);
    if (sayDone) say('DONE');
  } catch (error) {
    exitCode = 1;
    if (browser) await screenshot(browser.page, sizes.length > 1 ? `${name}-${current.name}` : name);
    say(`FAILED: ${sizes.length > 1 ? `${current.name}: ` : ''}${firstLine(error)}`);
    log(error?.cause?.stack ?? error?.stack ?? String(error));
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch((error) => log('closing the browser failed:', error.message));
  }
  process.exit(exitCode);
}

/**
 * One journey at desktop and at phone size (see runScenario), then `DONE`; the time limit is per size. Each
 * step waits up to 30 s. The scenario is also told `phone` (the size is the phone's) and given
 * `shot(label)`, which keeps a screenshot of the journey at this size (see keepScreenshot).
 */
export function runAtBothSizes(name, scenario, { timeoutMs = 120_000 } = {}) {
  const journey = async ({ page, context, size }) => {
    page.setDefaultTimeout(30_000);
    const shot = (label) => keepScreenshot(page, name, size, label);
    await scenario({ page, context, size, phone: size.name === PHONE.name, shot });
  };
  return runScenario(name, journey, { timeoutMs: 2 * timeoutMs, sizes: [DESKTOP, PHONE], sayDone: true });
}

/** Saves `<journey>-<size>-<label>.png` (the whole page) into SCREENSHOT_DIR: the journey's kept artefacts. */
export async function keepScreenshot(page, journey, size, label) {
  const dir = env('SCREENSHOT_DIR', path.join(tmpdir(), 'unibox-e2e-screenshots'));
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${journey}-${size.name}-${label}.png`), fullPage: true });
}

/**
 * Fails when the page is wider than the window (the phone would scroll sideways) or when one of `panes`
 * ({testId: minimum width in px}) is hidden, narrower than its minimum, outside the window, or holds content
 * wider than itself (a table scrolling sideways inside the page). Prints `LAYOUT <size> <label> <width>`.
 */
export async function checkLayout(page, size, label, panes = {}) {
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  say(`LAYOUT ${size.name} ${label} ${width}`);
  if (width > size.width) throw new Error(`${label}: the page is ${width} px wide in a ${size.width} px window`);
  for (const [testId, minimum] of Object.entries(panes)) {
    const box = await page.getByTestId(testId).first().boundingBox();
    if (!box) throw new Error(`${label}: ${testId} is not shown`);
    if (box.width < minimum) throw new Error(`${label}: ${testId} is ${Math.round(box.width)} px wide, less than ${minimum}`);
    const inner = await page.getByTestId(testId).first().evaluate((e) => ({ content: e.scrollWidth, shown: e.clientWidth }));
    if (inner.content > inner.shown + 1) {
      throw new Error(`${label}: ${testId} holds ${inner.content} px of content in ${inner.shown} px (it scrolls sideways)`);
    }
    if (box.x < 0 || box.x + box.width > size.width + 1) {
      throw new Error(`${label}: ${testId} reaches from ${Math.round(box.x)} to ${Math.round(box.x + box.width)} px, outside the window`);
    }
  }
}

/**
 * Fails unless the control (a test id or a locator) is inside the window once scrolled to: not clipped,
 * reachable (2 px of slack for borders drawn over the window's edge).
 */
export async function checkReachable(page, size, target) {
  const control = typeof target === 'string' ? page.getByTestId(target).first() : target;
  const name = typeof target === 'string' ? target : String(target);
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  if (!box) throw new Error(`${name} is not shown`);
  if (box.x < -2 || box.x + box.width > size.width + 2 || box.y < -2 || box.y + box.height > size.height + 2) {
    throw new Error(
      `${name} at (${Math.round(box.x)}, ${Math.round(box.y)}) ${Math.round(box.width)}×${Math.round(box.height)} is outside the ${size.width}×${size.height} window`,
    );
  }
}

/** Fails unless the element's whole text is shown: not cut off by its box (an ellipsis) nor squeezed to nothing. */
export async function checkWholeText(locator, name) {
  const { shown, needed } = await locator.evaluate((e) => ({ shown: e.clientWidth, needed: e.scrollWidth }));
  if (shown === 0 || needed > shown + 1) throw new Error(`${name} shows ${shown} px of its ${needed} px text`);
}

/** Opens the start page and submits the login form (what follows is the caller's to wait for). */
export async function submitLogin(page, baseUrl, user, password) {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Logs in on the start page and waits for the live connection, then for the element with test id `shows`
 * when given (e.g. 'inbox'); a refused login fails with its message.
 */
export async function login(page, baseUrl, user, password, shows) {
  await submitLogin(page, baseUrl, user, password);
  const refused = page.getByTestId('login-error');
  await page.getByTestId('current-user').or(refused).waitFor();
  if (await refused.isVisible()) throw new Error(`login refused: ${await refused.innerText()}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  if (shows) await page.getByTestId(shows).waitFor();
}

/** The inbox row of the conversation whose preview shows `text`. */
export function conversationShowing(page, text) {
  return page
    .getByTestId('conversation-row')
    .filter({ has: page.getByTestId('conversation-preview').filter({ hasText: text }) })
    .first();
}

/** The first message of the timeline in that direction ('in' from the buyer, 'out' to them) holding `text`. */
export function timelineMessage(timeline, direction, text) {
  return timeline.locator(`[data-testid="timeline-message"][data-direction="${direction}"]`).filter({ hasText: text }).first();
}

async function screenshot(page, name) {
  try {
    const dir = env('SCREENSHOT_DIR', path.join(tmpdir(), 'unibox-e2e-screenshots'));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}-failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    log('screenshot saved:', file, 'at', page.url());
  } catch (error) {
    log('could not save a screenshot:', error.message);
  }
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}
