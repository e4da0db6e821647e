// Phones (issue 22): every page a person reaches, signed out and signed in,
// loaded at 360 px: nothing scrolls sideways (scrollWidth <= 360), the header
// takes at most 80 px, axe-core finds nothing. The pages are found by walking
// the links from the start pages, plus pages that answer a form (a Werkstatt
// result, a form shown again with errors). The menu opens without JavaScript.
// (axe needs JavaScript, so the no-JS test checks only what works without it.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  axeViolations, describeViolations, navigate, newContext, signIn, useServerAndBrowser,
} from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const PHONE = { viewport: { width: 360, height: 740 } };
// Long German words, as people type them, where they are shown.
const LONG = 'Datenschutzfolgenabschätzungsbegleitungsassistenzsystem';
const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Arbeitsgemeinschaft Selbsthilfekontaktstellen e.V.' } });

// What every page must meet at 360 px; returns a list of problems.
async function phoneProblems(page, what) {
  const m = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    header: document.querySelector('header.site-header')?.getBoundingClientRect().height ?? 0,
  }));
  const problems = [];
  if (m.width > 360) {
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 361)
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
    problems.push(`${what}: ${m.width} px wide (${wide.join(', ')})`);
  }
  if (m.header > 80) problems.push(`${what}: header ${m.header} px high`);
  const violations = await axeViolations(page);
  if (violations.length) problems.push(`${what}: ${describeViolations(violations)}`);
  return problems;
}

// Visits `starts` and every same-site HTML page linked from them (up to `max`).
async function walk(page, base, starts, max) {
  const seen = new Set();
  const queue = [...starts];
  const problems = [];
  while (queue.length && seen.size < max) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(base + path);
    if (!res || !(res.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    problems.push(...await phoneProblems(page, path));
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      if (!href.startsWith('/') || href.startsWith('/static/') || href.startsWith('/lang?')) continue;
      const clean = href.replace(/#.*$/, '');
      if (/\.(json|csv|xlsx|md|ics|atom)(\?|$)/.test(clean)) continue;  // downloads, not pages
      if (!seen.has(clean) && !queue.includes(clean)) queue.push(clean);
    }
  }
  return { problems, pages: seen.size };
}

test('signed out: every page fits 360 px, with a header of at most 80 px', async () => {
  const context = await newContext(env.browser, PHONE);
  const page = await context.newPage();
  const { problems, pages } = await walk(page, env.server.url, ['/', '/praxis', '/login',
    `/p/${ORG}/register`, '/gibt-es-nicht'], 60);
  assert.ok(pages > 10, `walked ${pages} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('signed in: every page fits 360 px, also with long words and answers to forms', async () => {
  const context = await newContext(env.browser, PHONE);
  const page = await context.newPage();
  await signIn(page, env.server.url, OWNER.email, OWNER.password);
  // Content with long words in the places that show them.
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-name').fill(LONG);
  await page.locator('#tool-purpose').fill(`${LONG} für ${LONG}`);
  await page.locator('#tool-public').check();
  await navigate(page, () => page.getByRole('button', { name: 'Werkzeug erfassen' }).click());
  await page.goto(`${env.server.url}/o/${ORG}/red-lines`);
  await page.getByLabel('Rote Linie', { exact: true }).fill(`Keine ${LONG}`);
  await navigate(page, () => page.getByRole('button', { name: 'Rote Linie hinzufügen' }).click());
  await page.goto(`${env.server.url}/o/${ORG}/members`);
  await navigate(page, () => page.getByRole('button', { name: 'Einladungslink erstellen' }).click());

  const { problems, pages } = await walk(page, env.server.url, [`/o/${ORG}`, '/account'], 80);
  assert.ok(pages > 20, `walked ${pages} pages`);

  // Pages that answer a form.
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  await page.locator('#werkstatt-text').fill(`Jeder Mitarbeiter der ${LONG} soll die Ergebnisse prüfen.`);
  await navigate(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click());
  problems.push(...await phoneProblems(page, 'Werkstatt result'));
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-purpose').fill(LONG);
  await navigate(page, () => page.getByRole('button', { name: 'Werkzeug erfassen' }).click());
  problems.push(...await phoneProblems(page, 'tool form with errors'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the menu opens without JavaScript and leads to the org areas', async () => {
  const context = await newContext(env.browser, { ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, env.server.url, OWNER.email, OWNER.password);
  await page.goto(`${env.server.url}/o/${ORG}`);
  const werkstatt = page.getByRole('link', { name: 'Werkstatt', exact: true });
  assert.equal(await werkstatt.isVisible(), false, 'folded at first');
  await page.locator('.menu > summary').click();
  for (const name of ['Praxis', 'Werkstatt', 'Register', 'Überprüfungen', 'Mitglieder']) {
    assert.equal(await page.getByRole('link', { name, exact: true }).isVisible(), true, name);
  }
  await navigate(page, () => werkstatt.click());
  assert.match(page.url(), /\/o\/acme\/werkstatt$/);
  await context.close();
});
