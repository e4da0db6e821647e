// Shared harness for the browser tests: starts a real solipraxis server on a
// free loopback port with a fresh data directory, drives Debian's chromium via
// playwright-core, and runs axe-core on pages. Everything it starts it stops.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createOwner, startServer } from './server.mjs';

export { BIN, cli, createOwner, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// playwright-core gives every launch a fresh, temporary user data directory.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A context for tests: our CSP forbids injected scripts, so axe needs bypassCSP (tests only).
export async function newContext(browser, options = {}) {
  return browser.newContext({ bypassCSP: true, locale: 'de-DE', ...options });
}

// Runs axe-core on the current page; returns the violations (empty means passed).
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}

// Navigation races. What playwright-core 1.65.1 waits for, read from its
// source (lib/coreBundle.js: Keyboard.apiPress, ElementHandle._click,
// FrameManager.waitForSignalsCreatedBy, SignalBarrier, Frame.waitForURL):
// - page.keyboard.press/type wait for no navigation at all.
// - locator.click()/page.click() (unless noWaitAfter) wait only for a
//   navigation the browser reported as requested (CDP
//   Page.frameRequestedNavigation) before the click's closing round trip,
//   and only until it commits, not until the new page has loaded; one
//   reported later is not waited for at all.
// - selectOption, check and fill wait for no navigation.
// - page.goto/reload/goBack wait for 'load' themselves.
// - page.waitForURL(url) returns at once (after the current page's load) when
//   the current URL already matches: useless for a form that posts back to
//   its own URL or for a matcher like '**'.
// - page.waitForNavigation() waits for the next main-frame navigation,
//   cross-document or same-document (an in-page #link), even to the same
//   URL, then for its load state. It is marked deprecated only because it is
//   racy when started after the action; started before it, as below, it is
//   exact.
// So every action that navigates goes through navigate() (or is followed by
// a wait for a URL the page did not have before, or for an element only the
// new page has) before the test reads the URL, text, focus or runs axe.

// Runs `action` (a click, an Enter press, a submit...) and waits until the
// navigation it starts has happened and the new page has loaded; returns the
// main response (null for an in-page jump). With `url` (glob, RegExp or
// predicate as in playwright) navigations to other URLs are passed over.
export async function navigate(page, action, url) {
  const [response] = await Promise.all([
    page.waitForNavigation({ url, waitUntil: 'load' }),
    action(),
  ]);
  return response;
}

// Signs in through the real form, as a person would with the keyboard.
// Waits for the page the form loads (the login page again on a failure).
export async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-Mail/i).fill(email);
  await page.getByLabel(/Passwort|Password/i).fill(password);
  await navigate(page, () => page.keyboard.press('Enter'));
}

// A new browser context (options as for newContext) signed in as `who` (email,
// password) and on the org's dashboard, in German: the language switch is
// remembered with the account, and an earlier test may have left it in English.
export async function signedIn(env, who, org, options = {}) {
  const context = await newContext(env.browser, options);
  const page = await context.newPage();
  await signIn(page, env.server.url, who.email, who.password);
  await page.waitForURL(`**/o/${org}`);
  if (await page.getAttribute('html', 'lang') !== 'de') {
    await navigate(page, () => page.getByRole('link', { name: 'Deutsch' }).click());
  }
  return page;
}

// Asserts what every page must meet: axe-core finds nothing and there is exactly one h1.
export async function expectAccessible(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${describeViolations(violations)}`);
  assert.equal(await page.locator('h1').count(), 1, `${what}: exactly one h1`);
  // What axe does not see: template syntax leaking into the text, and elements
  // marked hidden that a style shows anyway.
  const leak = await page.evaluate(() => /\{\{|\}\}/.test(document.body.innerText));
  assert.equal(leak, false, `${what}: template syntax in the page text`);
  const shown = await page.evaluate(() => [...document.querySelectorAll('[hidden]')]
    .filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(shown, [], `${what}: hidden elements that show`);
}

// axe needs JavaScript in the page. For a page opened without it (a phone with
// JavaScript off), axe runs on the very HTML that page holds, in a twin page of
// the same size whose own scripts are blocked (styles and images load as usual).
export async function expectAccessibleWithoutScript(page, what) {
  const html = await page.content();
  const url = page.url().replace(/#.*$/, '');
  const context = await page.context().browser().newContext({
    bypassCSP: true, locale: 'de-DE', viewport: page.viewportSize(),
  });
  const twin = await context.newPage();
  await twin.route('**/*', (route) => {
    const request = route.request();
    if (request.url().replace(/#.*$/, '') === url) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (request.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  await twin.goto(url);
  await expectAccessible(twin, `${what} (as served without JavaScript)`);
  await context.close();
}

// Starts one server and one browser before the tests of a file and stops both
// after them. The returned object's fields are set once `before` has run.
// With `owner`, the CLI creates that org owner first (fields: email, password,
// name, org, orgName).
export function useServerAndBrowser({ owner } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
    if (owner) createOwner(env.server, owner);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Keyboard-only helpers: the focused element's id and text; Tab until the element
// with `id` has the focus; Tab until the button or link named `name` has it, then
// Enter, waiting for the navigation it starts.
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
export const focusedText = (page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

export async function tabTo(page, id) {
  for (let i = 0; i < 200 && (await focusedId(page)) !== id; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), id, `Tab reaches #${id}`);
}

export async function pressButton(page, name) {
  for (let i = 0; i < 200 && (await focusedText(page)) !== name; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedText(page), name, `Tab reaches "${name}"`);
  await navigate(page, () => page.keyboard.press('Enter'));
}

// Records a tool named `name` in `org` through the register's form; returns its page's URL.
export async function makeTool(env, page, org, name) {
  await page.goto(`${env.server.url}/o/${org}/tools/new`);
  await page.locator('#tool-name').fill(name);
  await navigate(page, () => page.getByRole('button', { name: 'Werkzeug erfassen' }).click());
  const url = page.url().replace(/\?.*$/, '');
  assert.match(url, /\/o\/[^/]+\/tools\/\d+$/);
  return url;
}

// Clicks the button named exactly `name` and waits for the page it loads.
export const clickButton = (page, name) =>
  navigate(page, () => page.getByRole('button', { name, exact: true }).click());

// Screen sizes of the live-session tests: a laptop, and a 360 px phone without JavaScript.
export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PHONE_NO_JS = { viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: false };

// A participant of a live session (issue 25): opens /join in a new context
// (options as for newContext), types the code in lower case and joins (with
// `name` if given); by keyboard only when `keyboard`; runs axe on /join and the
// welcome page when `check`. Returns the room's page with its add-card form.
export async function joinSession(env, code, { options = DESKTOP, name = '', keyboard = false, check = false } = {}) {
  const context = await newContext(env.browser, options);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/join`);
  if (check) await expectAccessible(page, '/join');
  const typed = code.toLowerCase();
  if (keyboard) {
    await tabTo(page, 'join-code');
    await page.keyboard.type(typed);
    await navigate(page, () => page.keyboard.press('Enter'));
  } else {
    await page.locator('#join-code').fill(typed);
    await clickButton(page, 'Weiter');
  }
  assert.equal(await page.locator('#welcome-name').count(), 1, `the code ${typed} leads to the welcome page`);
  if (check) await expectAccessible(page, 'join page (welcome)');
  if (keyboard) {
    await tabTo(page, 'welcome-name');
    if (name) await page.keyboard.type(name);
    await pressButton(page, 'Teilnehmen');
  } else {
    if (name) await page.locator('#welcome-name').fill(name);
    await clickButton(page, 'Teilnehmen');
  }
  assert.equal(await page.locator('#live-add-text').count(), 1, 'the room with the add-card form');
  return page;
}

// With the focus on the <select> `selector`: arrow keys (Home first) until the
// option labelled `label` is chosen, as a person with the keyboard does.
export async function chooseByKeyboard(page, selector, label) {
  const select = page.locator(selector);
  const chosen = () => select.evaluate((e) => e.options[e.selectedIndex]?.label ?? '');
  await page.keyboard.press('Home');
  for (let i = 0; i < 50 && (await chosen()) !== label; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await chosen(), label, `the keyboard chooses "${label}"`);
}

// Writes a card in the live room (into the column labelled `column` when the
// step has several) and waits until the board shows it; by keyboard only when
// `keyboard` (Tab to the fields, type, Enter on the button).
export async function addCard(page, text, { column = '', keyboard = false } = {}) {
  if (keyboard) {
    if (column) {
      await tabTo(page, 'live-add-column');
      await chooseByKeyboard(page, '#live-add-column', column);
    }
    await tabTo(page, 'live-add-text');
    await page.keyboard.type(text);
    await pressButton(page, 'Karte hinzufügen');
  } else {
    if (column) await page.locator('#live-add-column').selectOption({ label: column });
    await page.locator('#live-add-text').fill(text);
    await clickButton(page, 'Karte hinzufügen');
  }
  await page.locator('.live-card-text', { hasText: text }).first().waitFor();
}
