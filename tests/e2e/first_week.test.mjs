// What a new person stumbled on in the first week (issue 22, the walk after
// items 1-9), in a real browser with the keyboard: switching the language in
// the middle of a form keeps what is typed and saves nothing, with JavaScript
// on and off; a refused form puts the focus on its list of problems, so a
// screen reader reads it first; owners pick the organisation's time zone from
// a grouped list by typing a city, on a 360 px phone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, focusedId as focused, navigate, newContext, signIn, tabTo, useServerAndBrowser,
  signedIn as signedInAs,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

const signedIn = (options = {}) => signedInAs(env, ADA, ORG, options);

// The names on the org's tool list, read with the page's sign-in.
async function listedTools(page) {
  const res = await page.context().request.get(`${env.server.url}/o/${ORG}/tools`);
  return res.text();
}

// Presses Shift+Tab until the language button `name` has the focus, then Enter.
async function switchLanguage(page, name) {
  const current = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  for (let i = 0; i < 200 && (await current()) !== name; i += 1) await page.keyboard.press('Shift+Tab');
  assert.equal(await current(), name, `Shift+Tab reaches the switch to ${name}`);
  return navigate(page, () => page.keyboard.press('Enter'));
}

for (const javaScriptEnabled of [true, false]) {
  test(`the language switch in a half-filled tool form keeps the input and saves nothing (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const page = await signedIn({ javaScriptEnabled });
    const name = `Übersetzungshilfe ${javaScriptEnabled ? 'A' : 'B'}`;
    await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
    await tabTo(page, 'tool-name');
    await page.keyboard.type(name);
    await tabTo(page, 'tool-next_review');
    await page.keyboard.type('31.12.2026');
    const res = await switchLanguage(page, 'English');
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('h1').innerText(), 'Record a new tool');
    assert.equal(await page.locator('#tool-name').inputValue(), name);
    assert.equal(await page.locator('#tool-next_review').inputValue(), '31.12.2026');
    assert.doesNotMatch(await listedTools(page), new RegExp(name), 'nothing saved');
    if (javaScriptEnabled) await expectAccessible(page, 'tool form after the switch');
    await switchLanguage(page, 'Deutsch');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await page.locator('#tool-name').inputValue(), name);
    // Enter in a field saves (it does not press the switch), with the date typed before the switches.
    await tabTo(page, 'tool-name');
    await navigate(page, () => page.keyboard.press('Enter'));
    assert.match(page.url(), /\/tools\/\d+\?saved=created$/);
    const toolUrl = page.url().replace(/\?.*$/, '');
    // The same on the edit page: the typed cost survives, and the form still saves.
    await page.goto(`${toolUrl}/edit`);
    await tabTo(page, 'tool-cost');
    await page.keyboard.type('20 Euro im Monat');
    await switchLanguage(page, 'English');
    assert.equal(await page.locator('#tool-cost').inputValue(), '20 Euro im Monat');
    await navigate(page, () => page.getByRole('button', { name: 'Save' }).click());
    assert.match(page.url(), /\?saved=updated$/);
    assert.match(await page.locator('main').innerText(), /20 Euro im Monat/);
    await page.context().close();
  });
}

test('the language switch in the decision form keeps the reason and decides nothing', async () => {
  const page = await signedIn();
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-name').fill('Terminplaner');
  await navigate(page, () => page.getByRole('button', { name: 'Werkzeug erfassen' }).click());
  const toolUrl = page.url().replace(/\?.*$/, '');
  await page.goto(`${toolUrl}/decide`);
  await tabTo(page, 'decide-rationale');
  await page.keyboard.type('Im Team abgewogen.');
  await switchLanguage(page, 'English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#decide-rationale').inputValue(), 'Im Team abgewogen.');
  assert.equal(await page.locator('.alert').count(), 0, 'no errors for a form not yet sent');
  await page.goto(toolUrl);
  assert.doesNotMatch(await page.locator('main').innerText(), /Im Team abgewogen/, 'nothing decided');
  await page.context().close();
});

test('a refused form puts the focus on its list of problems', async () => {
  const page = await signedIn({ javaScriptEnabled: false });
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await tabTo(page, 'tool-next_review');
  await page.keyboard.type('30.02.2027');
  await navigate(page, () => page.keyboard.press('Enter'));
  assert.equal(await focused(page), 'tool-form-errors');
  assert.match(await page.locator('#tool-form-errors').innerText(), /Diesen Tag gibt es im Kalender nicht/);
  await page.context().close();
});

test('owners pick the time zone by typing a city, on a 360 px phone', async () => {
  const page = await signedIn({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${env.server.url}/o/${ORG}/settings`);
  const zone = page.getByLabel('Zeitzone');
  assert.equal(await zone.inputValue(), 'Europe/Berlin', 'the current zone is chosen');
  assert.equal(await page.locator('#org-time-zone optgroup').first().getAttribute('label'), 'Europa');
  await tabTo(page, 'org-time-zone');
  await page.keyboard.type('Wien');
  assert.equal(await zone.inputValue(), 'Europe/Vienna');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits 360 px');
  await expectAccessible(page, 'organisation settings on a phone');
  await tabTo(page, 'org-name');
  await navigate(page, () => page.keyboard.press('Enter'));
  assert.match(page.url(), /\/settings\?saved=1$/);
  assert.match(await page.locator('main').innerText(), /Die Einstellungen sind gespeichert/);
  assert.equal(await page.getByLabel('Zeitzone').inputValue(), 'Europe/Vienna');
  await page.context().close();
});
