// Accounts end to end in a real browser: the first owner from the CLI signs in
// through the form, every signed-in page passes axe, an invitation is accepted
// in a second browser, the language switch works, an API token made on the
// account page calls the API, and the main flows work with the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, navigate, newContext, signIn, useServerAndBrowser,
} from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';

// The browser closes every context at the end, the owner's shared one too.
const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Acme e.V.' } });
let owner;  // the owner's signed-in context, shared by the tests in order

test('the sign-in page is accessible and a wrong password gets one neutral message', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/login`);
  await expectAccessible(page, '/login');
  await signIn(page, env.server.url, OWNER.email, 'falsch-falsch-falsch');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(page.url(), /\/login$/);
  assert.match(await alert.innerText(), /E-Mail-Adresse oder Passwort stimmt nicht/);
  await expectAccessible(page, '/login after a failure');
  await context.close();
});

test('the owner signs in and dashboard, account and members pages are accessible', async () => {
  owner = await newContext(env.browser);
  const page = await owner.newPage();
  await signIn(page, env.server.url, OWNER.email, OWNER.password);
  await page.waitForURL(`**/o/${ORG}`);
  assert.equal(await page.locator('h1').innerText(), 'Acme e.V.');
  await expectAccessible(page, 'dashboard');
  for (const path of ['/account', `/o/${ORG}/members`]) {
    const res = await page.goto(env.server.url + path);
    assert.equal(res.status(), 200, path);
    await expectAccessible(page, path);
  }
  const res = await page.goto(`${env.server.url}/o/gibt-es-nicht`);
  assert.equal(res.status(), 404);
  await expectAccessible(page, '404 when signed in');
  await page.close();
});

test('an invitation link is accepted in a second browser, which then sees the org', async () => {
  const page = await owner.newPage();
  await page.goto(`${env.server.url}/o/${ORG}/members`);
  await page.getByLabel('Rolle', { exact: true }).selectOption('editor');
  await navigate(page, () => page.getByRole('button', { name: 'Einladungslink erstellen' }).click());
  assert.match(page.url(), new RegExp(`/o/${ORG}/members\\?saved=invited&invite=[0-9]+#invite-[0-9]+$`));
  const link = await page.getByLabel('Einladungslink').inputValue();
  assert.match(link, /\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page, 'members page with a new invitation');

  const guest = await newContext(env.browser, { locale: 'en-GB' });
  const gpage = await guest.newPage();
  const res = await gpage.goto(link);
  assert.equal(res.status(), 200);
  await expectAccessible(gpage, 'invitation page');
  await gpage.getByLabel('Name', { exact: true }).fill('Grace Editor');
  await gpage.getByLabel('E-mail address', { exact: true }).fill('grace@example.org');
  await gpage.getByLabel('Password', { exact: true }).fill('ein-langes-passwort');
  await gpage.getByLabel('Repeat the password').fill('ein-langes-passwort');
  await gpage.getByRole('button', { name: 'Create account and join' }).click();
  await gpage.waitForURL(`**/o/${ORG}`);
  assert.match(await gpage.locator('main').innerText(), /Editor/);

  // The link works once: a second visit is a clear 410 page in the reader's language.
  const again = await gpage.goto(link);
  assert.equal(again.status(), 410);
  assert.match(await gpage.locator('main').innerText(), /used already/);
  await expectAccessible(gpage, 'used invitation');
  await guest.close();

  await page.reload();
  assert.match(await page.locator('main').innerText(), /grace@example\.org/);
  await page.close();
});

test('the language switch changes the UI language and keeps the page', async () => {
  const page = await owner.newPage();
  await page.goto(`${env.server.url}/account`);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await navigate(page, () => page.getByRole('link', { name: 'English' }).click(), '**/account');
  assert.equal(new URL(page.url()).pathname, '/account');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Your account');
  await expectAccessible(page, '/account in English');
  await navigate(page, () => page.getByRole('link', { name: 'Deutsch' }).click(), '**/account');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.close();
});

test('an API token made on the account page calls the API; without it 401', async () => {
  const page = await owner.newPage();
  await page.goto(`${env.server.url}/account`);
  await page.getByLabel('Bezeichnung').fill('e2e-skript');
  await page.getByRole('button', { name: 'API-Token erstellen' }).click();
  await page.waitForURL('**/account/tokens');
  const token = await page.locator('#account-new-token').inputValue();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page, 'account page with a new token');

  const ok = await fetch(`${env.server.url}/api/v1/orgs/${ORG}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(ok.status, 200);
  const org = await ok.json();
  assert.equal(org.slug, ORG);
  assert.equal(org.name, 'Acme e.V.');
  assert.equal(org.role, 'owner');

  const anon = await fetch(`${env.server.url}/api/v1/orgs/${ORG}`);
  assert.equal(anon.status, 401);
  assert.ok((await anon.json()).error.code);
  await page.close();
});

test('keyboard only: sign in, open the members page, sign out', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/login`);
  // Tab until the e-mail field has focus, as a keyboard user would.
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 30 && (await focusedId()) !== 'login-email'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedId(), 'login-email');
  await page.keyboard.type(OWNER.email);
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(), 'login-password');
  await page.keyboard.type(OWNER.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/o/${ORG}`);

  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  for (let i = 0; i < 40 && !(await focusedText()).startsWith('Mitglieder'); i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.match(await focusedText(), /^Mitglieder/);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/o/${ORG}/members`);

  for (let i = 0; i < 40 && (await focusedText()) !== 'Abmelden'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedText(), 'Abmelden');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/login');
  const res = await page.goto(`${env.server.url}/account`);
  assert.equal(new URL(page.url()).pathname, '/login', 'signed out: /account asks to sign in');
  assert.equal(res.status(), 200);
  await context.close();
});
