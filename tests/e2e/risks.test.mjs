// The vulnerability risk matrix in a real browser (issue 24). The issue's
// acceptance walk: three personas (one who cannot use the tool) attached to a
// tool, the coverage gaps read, two risks placed (one for non-users), and the
// matrix exported as Markdown that shows the table. On the way: the matrix's
// accessibility tree has its caption and row and column headers, axe finds
// nothing on any page, the print stylesheet fits the matrix on one A4 page,
// the risk form works with the keyboard alone, and on a 360 px phone without
// JavaScript nothing scrolls sideways.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, makeTool, navigate, pressButton as press, signedIn, tabTo,
  useServerAndBrowser,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const PHONE = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false };

const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

async function makePersona(page, name, use) {
  await page.goto(`${env.server.url}/o/${ORG}/personas/new`);
  await page.locator('#persona-name').fill(name);
  await page.locator('#persona-use').selectOption(use);
  await navigate(page, () => page.getByRole('button', { name: 'Persona anlegen' }).click());
  assert.equal(await page.locator('h1').innerText(), name);
}

async function attach(page, toolUrl, name) {
  await page.goto(`${toolUrl}/personas`);
  const value = await page.locator('#tool-persona option', { hasText: name }).first().getAttribute('value');
  await page.locator('#tool-persona').selectOption(value);
  await navigate(page, () => page.getByRole('button', { name: 'Zuordnen' }).click());
}

// Fills the risk form by labels, as a person reads it, and saves it.
async function placeRisk(page, { what, persona, affected, likelihood, impact, mitigation = '' }) {
  await page.getByLabel(/Was kann passieren/).fill(what);
  await page.getByRole('checkbox', { name: new RegExp(`^${persona}`) }).check();
  await page.getByRole('group', { name: 'Nutzende oder Nicht-Nutzende' }).getByLabel(affected, { exact: true }).check();
  await page.getByRole('group', { name: 'Wahrscheinlichkeit' }).getByLabel(likelihood, { exact: true }).check();
  await page.getByRole('group', { name: 'Auswirkung' }).getByLabel(impact, { exact: true }).check();
  await page.getByLabel('Gegenmaßnahme', { exact: true }).fill(mitigation);
  await navigate(page, () => page.getByRole('button', { name: 'Risiko speichern' }).click());
  assert.match(await page.locator('[role=status]').innerText(), /gespeichert/);
}

test('acceptance: three personas, two risks (one for non-users), the gaps, the matrix as a table, Markdown export', async () => {
  const page = await signedIn(env, ADA, ORG);
  const toolUrl = await makeTool(env, page, ORG, 'Termin-Bot');
  await makePersona(page, 'Aylin, 34', 'likely');
  await makePersona(page, 'Karl, 78', 'cannot');
  await makePersona(page, 'Mira, 19', 'maybe');
  for (const name of ['Aylin, 34', 'Karl, 78', 'Mira, 19']) await attach(page, toolUrl, name);
  const gaps = await page.locator('#coverage-gaps li').allInnerTexts();
  assert.ok(gaps.length > 0, 'some blind spots remain');
  assert.ok(!gaps.includes('Niemand, der das Werkzeug nicht nutzen kann.'), gaps.join(' | '));

  await page.goto(toolUrl);
  await navigate(page, () => page.getByRole('link', { name: 'Zur Risiko-Matrix dieses Werkzeugs' }).click());
  await expectAccessible(page, 'empty matrix');
  await navigate(page, () => page.getByRole('link', { name: 'Neues Risiko erfassen' }).click());
  await expectAccessible(page, 'new risk form');
  await placeRisk(page, {
    what: 'Wer kein Smartphone hat, erfährt von Terminen zu spät.',
    persona: 'Karl, 78', affected: 'Nicht-Nutzende', likelihood: 'Hoch', impact: 'Hoch',
  });
  await expectAccessible(page, 'one risk with its history');
  await page.goto(`${toolUrl}/risks/new`);
  await placeRisk(page, {
    what: 'Die Übersetzung verfälscht Fristen.',
    persona: 'Aylin, 34', affected: 'Nutzende', likelihood: 'Mittel', impact: 'Mittel',
    mitigation: 'Fristen prüft immer ein Mensch.',
  });

  await page.goto(`${toolUrl}/risks`);
  await expectAccessible(page, 'matrix with two risks');
  const table = page.getByRole('table', { name: /Vulnerabilitäts-Risiko-Matrix: Termin-Bot/ });
  assert.equal(await table.count(), 1, 'the caption names the table');
  for (const level of ['Niedrig', 'Mittel', 'Hoch']) {
    assert.equal(await table.getByRole('columnheader', { name: `Auswirkung: ${level}` }).count(), 1);
    assert.equal(await table.getByRole('rowheader', { name: `Wahrscheinlichkeit: ${level}` }).count(), 1);
  }
  const tree = await table.ariaSnapshot();
  assert.match(tree, /rowheader "Wahrscheinlichkeit: Hoch"/);
  const highRow = table.getByRole('row', { name: /Wahrscheinlichkeit: Hoch/ });
  const highHigh = highRow.getByRole('cell').nth(2);
  assert.match(await highHigh.innerText(), /Stufe: Hoch/);
  assert.match(await highHigh.innerText(), /Karl, 78 \(Nicht-Nutzende\)/);
  const midRow = table.getByRole('row', { name: /Wahrscheinlichkeit: Mittel/ });
  assert.match(await midRow.getByRole('cell').nth(1).innerText(), /Aylin, 34 \(Nutzende\)/);

  const md = await page.request.get(`${toolUrl}/risks/export.md`);
  assert.equal(md.status(), 200);
  const text = await md.text();
  assert.match(text, /^# Vulnerabilitäts-Risiko-Matrix: Termin-Bot/);
  assert.match(text, /\| Wahrscheinlichkeit ↓ \/ Auswirkung → \| Niedrig \| Mittel \| Hoch \|\n\| --- \| --- \| --- \| --- \|/);
  assert.match(text, /\| \*\*Hoch\*\* \| – \| – \| R\d+: Karl, 78 \(Nicht-Nutzende\) \|/);
  assert.match(text, /\| \*\*Mittel\*\* \| – \| R\d+: Aylin, 34 \(Nutzende\) \| – \|/);
  await page.context().close();
});

test('print: the matrix alone on the first A4 page, navigation and forms left out', async () => {
  const page = await signedIn(env, ADA, ORG);
  // An A4 page's printable width (210 mm less 2 x 12 mm margin) at 96 px per inch.
  await page.setViewportSize({ width: 703, height: 1032 });
  await page.goto(`${env.server.url}/o/${ORG}/tools`);
  await navigate(page, () => page.getByRole('link', { name: 'Termin-Bot' }).first().click());
  await page.goto(`${page.url().replace(/\?.*$/, '')}/risks`);
  await page.emulateMedia({ media: 'print' });
  const style = await page.evaluate(() => {
    const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return {
      nav: css('.org-nav', 'display'),
      actions: css('.actions', 'display'),
      list: css('.risk-list-section', 'breakBefore'),
      font: css('.risk-matrix', 'fontSize'),
    };
  });
  assert.equal(style.nav, 'none');
  assert.equal(style.actions, 'none');
  assert.equal(style.list, 'page');
  assert.equal(style.font, '12px');  // 9 pt
  const box = await page.locator('.risk-matrix-section').boundingBox();
  const top = await page.locator('h1').boundingBox();
  assert.ok(box.y + box.height - top.y <= 1032, `heading and matrix fit one A4 page: ${box.y + box.height - top.y} px`);
  assert.ok(box.width <= 703, `matrix fits the page width: ${box.width} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 703, `nothing wider than the page: ${overflow} px`);
  // The real print: heading and matrix on the first sheet, the list after it.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const sheets = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  assert.ok(sheets >= 1 && sheets <= 2, `the matrix page and the list: ${sheets} A4 sheets`);
  await page.context().close();
});

test('keyboard only: a refused risk, the re-assessment with a reason, overview, reviews, delete; axe 0', async () => {
  const page = await signedIn(env, ADA, ORG);
  await page.goto(`${env.server.url}/o/${ORG}/tools`);
  await navigate(page, () => page.getByRole('link', { name: 'Termin-Bot' }).first().click());
  await press(page, 'Zur Risiko-Matrix dieses Werkzeugs');
  await press(page, 'Neues Risiko erfassen');
  // Sent empty: the problems stand next to their fields, the group typed stays.
  await tabTo(page, 'risk-group');
  await page.keyboard.type('Menschen ohne Konto');
  await tabTo(page, 'risk-due');
  await page.keyboard.type('31.02.2026');
  await press(page, 'Risiko speichern');
  assert.match(await page.locator('#risk-description-error').innerText(), /beschreiben/);
  assert.ok(await page.locator('#risk-due-error').count() === 1, 'the impossible date is named');
  assert.ok(await page.locator('#risk-likelihood-error').count() === 1, 'the likelihood is to be chosen');
  assert.equal(await page.locator('#risk-group').inputValue(), 'Menschen ohne Konto');
  await expectAccessible(page, 'risk form with errors');
  await tabTo(page, 'risk-description');
  await page.keyboard.type('Ohne Konto keine Termine.');
  await tabTo(page, 'risk-due');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('01.12.2025');
  // Nothing is chosen for the person: Tab lands on a group's first radio, Space or an arrow chooses.
  await tabTo(page, 'risk-affected');       // Nutzende, the first
  await page.keyboard.press('Space');
  await tabTo(page, 'risk-likelihood');
  await page.keyboard.press('ArrowRight');  // Mittel
  await tabTo(page, 'risk-impact');
  await page.keyboard.press('ArrowRight');  // Mittel
  await page.keyboard.press('ArrowRight');  // Hoch
  await press(page, 'Risiko speichern');
  assert.match(await page.locator('h1').innerText(), /^R\d+: Termin-Bot$/);

  await press(page, 'Risiko bearbeiten oder neu einschätzen');
  await expectAccessible(page, 'edit form');
  await tabTo(page, 'risk-likelihood-medium');
  await page.keyboard.press('ArrowRight');  // Hoch
  await press(page, 'Risiko speichern');
  assert.equal(await page.locator('#risk-reason').getAttribute('aria-invalid'), 'true');
  await tabTo(page, 'risk-reason');
  await page.keyboard.type('Zwei Beschwerden im Beratungscafé.');
  await press(page, 'Risiko speichern');
  const history = await page.locator('.timeline').innerText();
  assert.match(history, /Neu eingeschätzt/);
  assert.match(history, /Zwei Beschwerden im Beratungscafé\./);
  await expectAccessible(page, 'risk with a re-assessment');

  await page.goto(`${env.server.url}/o/${ORG}`);
  assert.match(await page.locator('main').innerText(), /Risiken mit hoher Auswirkung ohne Gegenmaßnahme: \d+\./);
  await expectAccessible(page, 'dashboard with the risk count');
  await press(page, 'Zur Übersicht der Risiken');
  const first = await page.locator('.risk-list > li').first().innerText();
  assert.match(first, /Hohe Auswirkung und noch keine Gegenmaßnahme/);
  await expectAccessible(page, 'overview');
  await page.goto(`${env.server.url}/o/${ORG}/reviews`);
  assert.match(await page.locator('main').innerText(), /Ohne Konto keine Termine\.\s+[^\n]*\n?[^\n]*überfällig/);
  await expectAccessible(page, 'reviews with an overdue mitigation');

  await page.goto(`${env.server.url}/o/${ORG}/risks`);
  await navigate(page, () => page.getByRole('link', { name: /^R\d+$/ }).first().click());
  await press(page, 'Risiko löschen');
  await expectAccessible(page, 'delete confirmation');
  await page.context().close();
});

test('360 px without JavaScript: the matrix and the form fit, a risk is placed by a plain post', async () => {
  const page = await signedIn(env, ADA, ORG, PHONE);
  await page.goto(`${env.server.url}/o/${ORG}/tools`);
  await navigate(page, () => page.getByRole('link', { name: 'Termin-Bot' }).first().click());
  const toolUrl = page.url().replace(/\?.*$/, '');
  for (const url of [`${toolUrl}/risks`, `${toolUrl}/risks/new`, `${env.server.url}/o/${ORG}/risks`]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${url}: ${width} px wide at 360 px`);
  }
  // A phone keeps the matrix a 3 x 3 table: each cell stands under its impact
  // column, whose header is on screen, and the caption reads across.
  await page.goto(`${toolUrl}/risks`);
  for (const level of ['Niedrig', 'Mittel', 'Hoch']) {
    assert.ok(await page.getByRole('columnheader', { name: `Auswirkung: ${level}` }).isVisible(),
      `the column "Auswirkung: ${level}" is visible at 360 px`);
  }
  const caption = await page.locator('.risk-matrix caption').boundingBox();
  assert.ok(caption.width > 250, `the caption reads across: ${caption.width} px`);
  const cells = await page.locator('.risk-matrix tbody tr').first().locator('td').count();
  const tops = await page.locator('.risk-matrix tbody tr').first().locator('td').evaluateAll(
    (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  assert.equal(cells, 3);
  assert.equal(new Set(tops).size, 1, 'a row\'s three cells side by side');
  await page.goto(`${toolUrl}/risks/new`);
  await placeRisk(page, {
    what: 'Ein Aushang fehlt für Menschen ohne Internet.',
    persona: 'Mira, 19', affected: 'Nicht-Nutzende', likelihood: 'Niedrig', impact: 'Mittel',
  });
  await page.context().close();
});
