// The change log in a real browser: an owner finds it from the org's start
// page, reads who changed what (a tool links to its page), filters by kind
// with the keyboard alone, pages to older entries without JavaScript, and the
// page passes axe in German and English and prints without its form. A plain
// member gets 403 and no link; a tool's history shows its edits beside its
// decisions, labelled by type in text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOwner, expectAccessible, newContext, signIn, useServerAndBrowser } from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const MEMBER = { email: 'bo@example.org', password: 'noch-ein-passwort', name: 'Bo Member' };
const ORG = 'acme';

const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Acme e.V.' } });

async function signedIn(who, locale = 'de-DE') {
  const context = await newContext(env.browser, { locale });
  const page = await context.newPage();
  await signIn(page, env.server.url, who.email, who.password);
  await page.waitForURL(`**/o/${ORG}`);
  return page;
}

// The owner's API token, to record many tools quickly.
function ownerToken() {
  const res = env.server.cli(['token', 'create', '--email', OWNER.email]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout.trim().split('\n').pop();
}

async function api(token, method, path, body) {
  const res = await fetch(`${env.server.url}/api/v1/orgs/${ORG}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  return res.json();
}

let toolId = 0;

test('an owner opens the change log from the start page and sees who changed what', async () => {
  const token = ownerToken();
  const tool = await api(token, 'POST', '/tools', { name: 'Transkriptionsdienst' });
  toolId = tool.id;
  await api(token, 'PATCH', `/tools/${tool.id}`, { version: tool.version, purpose: 'Protokolle', cost: '0 €' });
  const page = await signedIn(OWNER);
  await Promise.all([page.waitForURL(`**/o/${ORG}/audit`),
    page.getByRole('link', { name: /Änderungsprotokoll/ }).click()]);
  const table = page.getByRole('table', { name: /Änderungen, neueste zuerst/ });
  const rows = table.locator('tbody tr');
  assert.match(await rows.nth(0).innerText(), /Ada Owner \(über die API\)\s+Werkzeug bearbeitet\s*Geändert: Zweck, Kosten/);
  assert.match(await rows.nth(1).innerText(), /Werkzeug erfasst/);
  assert.match(await table.innerText(), /Organisation angelegt/);
  assert.match(await table.innerText(), /Kommandozeile/);
  assert.doesNotMatch(await page.locator('main').innerText(), /@example\.org/);
  assert.match(await rows.nth(0).locator('time').getAttribute('datetime'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  await expectAccessible(page, 'change log (de)');
  await Promise.all([page.waitForURL(`**/o/${ORG}/tools/${toolId}`),
    rows.nth(0).getByRole('link', { name: 'Transkriptionsdienst' }).click()]);
  await page.context().close();
});

test('the filter works with the keyboard alone and shows an empty state', async () => {
  const page = await signedIn(OWNER);
  await page.goto(`${env.server.url}/o/${ORG}/audit`);
  await page.getByLabel('Art der Einträge').focus();
  await page.keyboard.press('End');  // the last kind: settings
  await page.keyboard.press('Tab');  // to the button
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Anzeigen');
  await Promise.all([page.waitForURL(/kind=settings/), page.keyboard.press('Enter')]);
  const text = await page.locator('main').innerText();
  assert.match(text, /Organisation angelegt/);
  assert.doesNotMatch(text, /Werkzeug erfasst/);
  await page.goto(`${env.server.url}/o/${ORG}/audit?kind=catalog`);
  assert.match(await page.locator('main').innerText(), /Keine Einträge dieser Art/);
  await expectAccessible(page, 'change log, empty filter');
  await page.context().close();
});

test('older entries are a link; the page prints without its filter', async () => {
  const token = ownerToken();
  for (let i = 0; i < 50; i += 1) await api(token, 'POST', '/tools', { name: `Werkzeug ${i}` });
  const page = await signedIn(OWNER, 'en-GB');
  await page.goto(`${env.server.url}/o/${ORG}/audit`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('tbody tr').count(), 50);
  await expectAccessible(page, 'change log (en)');
  const older = page.getByRole('link', { name: 'Older entries' });
  await older.focus();
  await Promise.all([page.waitForURL(/cursor=\d+/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('main').innerText(), /Organisation created/);
  assert.ok(await page.getByRole('link', { name: 'Newest entries' }).isVisible());
  await expectAccessible(page, 'change log, older page (en)');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.audit-filter').isVisible(), false);
  assert.equal(await page.locator('.audit-table').isVisible(), true);
  await page.context().close();
});

test('a tool page shows its edits beside its decisions, labelled in text', async () => {
  const page = await signedIn(OWNER);
  await page.goto(`${env.server.url}/o/${ORG}/tools/${toolId}`);
  const timeline = await page.locator('.timeline').innerText();
  // Dated in the org's time zone (Europe/Berlin), with its offset.
  assert.match(timeline, /Änderung\s+\d\d\.\d\d\.\d{4}, \d\d:\d\d \(UTC\+[12]\): Werkzeug erfasst/);
  assert.match(timeline, /Änderung\s+\d\d\.\d\d\.\d{4}, \d\d:\d\d \(UTC\+[12]\): Werkzeug bearbeitet/);
  assert.match(timeline, /Geändert: Zweck, Kosten/);
  await expectAccessible(page, 'tool page with its changes');
  await page.context().close();
});

test('a plain member gets 403 and no link', async () => {
  createOwner(env.server, { ...MEMBER, org: ORG });  // a second user of the org is a member
  const page = await signedIn(MEMBER);
  assert.equal(await page.getByRole('link', { name: /Änderungsprotokoll/ }).count(), 0);
  const res = await page.goto(`${env.server.url}/o/${ORG}/audit`);
  assert.equal(res.status(), 403);
  await expectAccessible(page, '403 page');
  await page.context().close();
});
