// The public transparency register and the review dashboard in a real browser:
// axe-core finds 0 violations on /p/{org}/register (empty and filled, German
// and English, without login) and on /o/{org}/reviews (signed in); the register
// shows only public tools, works without JavaScript and prints without the
// navigation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, newContext, signIn, useServerAndBrowser } from './lib.mjs';

const OWNER = {
  email: 'rika@example.org', password: 'korrekt-pferd-batterie', name: 'Rika', org: 'beratung',
  orgName: 'Beratung e.V.',
};
const ORG = OWNER.org;

const env = useServerAndBrowser({ owner: OWNER });
let token;

// The owner's API token, made with the CLI on first use (the server starts in a hook).
function apiToken() {
  if (!token) {
    const res = env.server.cli(['token', 'create', '--email', OWNER.email]);
    assert.equal(res.code, 0, res.stderr);
    token = res.stdout.trim().split('\n').pop();
  }
  return token;
}

async function api(method, path, body) {
  const res = await fetch(env.server.url + path, {
    method,
    headers: { Authorization: `Bearer ${apiToken()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function decide(tool, kind, extra = {}) {
  return api('POST', `/api/v1/orgs/${ORG}/tools/${tool.id}/decisions`, {
    kind, rationale: 'Im Team besprochen.', principles: [{ principle: 2, how: 'Ratsuchende zuerst' }], ...extra,
  });
}

test('the empty public register is accessible without login', async () => {
  const context = await newContext(env.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(`${env.server.url}/p/${ORG}/register`);
  assert.equal(res.status(), 200);
  assert.match(await page.locator('main').innerText(), /noch keine Einträge/);
  await context.close();
  const withAxe = await newContext(env.browser);
  const p2 = await withAxe.newPage();
  await p2.goto(`${env.server.url}/p/${ORG}/register`);
  await expectAccessible(p2, 'empty register');
  await withAxe.close();
});

test('the filled register shows public tools and non-use, and passes axe in both languages', async () => {
  const pub = await api('POST', `/api/v1/orgs/${ORG}/tools`, {
    name: 'Übersetzungshilfe', vendor: 'Beispiel gGmbH', purpose: 'Briefe in einfache Sprache übertragen',
    public: true, public_summary: 'Hilft, Briefe verständlich zu schreiben.',
    human_oversight: 'Eine Beraterin liest jeden Text.', risks: 'Fehler in Fachbegriffen: wir prüfen.',
    links: ['https://example.org/tool'], openness: 'open_weights', hosting: 'eu_cloud',
    personal_data: 'yes', special_categories: true,
  });
  let t = (await decide(pub, 'explore')).tool;
  t = (await decide(t, 'pilot')).tool;
  const chatbot = await api('POST', `/api/v1/orgs/${ORG}/tools`, {
    name: 'Chatbot', public: true, public_summary: 'Ein Chatbot für Ratsuchende.', personal_data: 'no',
  });
  const open = await api('POST', `/api/v1/orgs/${ORG}/tools`, {
    name: 'Terminhilfe', public: true, public_summary: 'Schlägt Termine vor.',
  });
  assert.equal(open.personal_data, 'unknown');
  await decide(chatbot, 'reject', { rationale: 'Trainiert mit unseren Beratungsgesprächen.' });
  await api('POST', `/api/v1/orgs/${ORG}/tools`, { name: 'Internes Werkzeug' });

  for (const locale of ['de-DE', 'en-GB']) {
    const context = await newContext(env.browser, { locale });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/p/${ORG}/register`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Übersetzungshilfe/);
    assert.match(text, /Trainiert mit unseren Beratungsgesprächen/);
    assert.doesNotMatch(text, /Internes Werkzeug/);
    const unanswered = await page.locator(`#tool-${open.id}`).innerText();
    assert.match(unanswered, locale === 'de-DE' ? /Personenbezogene Daten\s+noch nicht geklärt/
      : /Personal data\s+not answered yet/);
    assert.match(await page.locator(`#tool-${chatbot.id}`).innerText(),
      locale === 'de-DE' ? /Personenbezogene Daten\s+nein/ : /Personal data\s+no\b/);
    await expectAccessible(page, `register (${locale})`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.register-formats').isVisible(), false, 'formats hidden in print');
    assert.equal(await page.locator('#tool-' + t.id).isVisible(), true);
    await context.close();
  }
});

test('the review dashboard is accessible and links to the tool pages', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await signIn(page, env.server.url, OWNER.email, OWNER.password);
  await page.waitForURL(`**/o/${ORG}`);
  await page.getByRole('link', { name: 'Überprüfungen und Termine' }).click();
  await page.waitForURL(`**/o/${ORG}/reviews`);
  await expectAccessible(page, 'reviews (nothing due)');
  // A pilot due in 10 days appears as upcoming.
  const soon = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
  const tool = await api('POST', `/api/v1/orgs/${ORG}/tools`, { name: 'Terminplaner' });
  const sel = (await decide(tool, 'explore')).tool;
  await decide(sel, 'pilot', { next_review: soon });
  await page.reload();
  const link = page.getByRole('link', { name: 'Terminplaner' });
  assert.equal(await link.getAttribute('href'), `/o/${ORG}/tools/${tool.id}`);
  await expectAccessible(page, 'reviews (one upcoming)');
  const ics = await page.request.get(`${env.server.url}/o/${ORG}/reviews.ics`);
  assert.equal(ics.status(), 200);
  assert.match(await ics.text(), /SUMMARY:Überprüfung: Terminplaner\r\n/);
  // The calendar subscription: made with the keyboard, shown once, works without login.
  await page.getByRole('button', { name: 'Abo-Adresse erstellen' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Abo-Adresse', { exact: true });
  await field.waitFor();
  const feedUrl = await field.inputValue();
  assert.match(feedUrl, new RegExp(`/p/${ORG}/reviews/[A-Za-z0-9_-]{43}\\.ics$`));
  await expectAccessible(page, 'reviews (new subscription address)');
  const anonymous = await fetch(feedUrl);
  assert.equal(anonymous.status, 200);
  assert.match(await anonymous.text(), /BEGIN:VEVENT/);
  await context.close();
});
