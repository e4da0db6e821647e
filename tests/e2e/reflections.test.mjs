// Guided reflections in a real browser (issue 23): a member fills the whole use
// template with the keyboard alone, from the tool page to the team view, and
// every page on the way passes axe; the same works on a 360 px phone without
// JavaScript; and a draft survives a forced session expiry: the person signs
// in again and lands back in the section with the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, focusedId as focused, navigate, newContext, pressButton as press, signIn, tabTo,
  useServerAndBrowser,
  signedIn as signedInAs,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const USE = 'm.reflection-template-use';

const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

const signedIn = (options = {}) => signedInAs(env, ADA, ORG, options);

let toolUrl = '';

async function makeTool() {
  if (toolUrl) return toolUrl;
  const page = await signedIn();
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-name').fill('Übersetzungs-KI');
  await page.locator('#tool-purpose').fill('Briefe in einfache Sprache übertragen');
  await navigate(page, () => page.getByRole('button', { name: 'Werkzeug erfassen' }).click());
  toolUrl = page.url().replace(/\?.*$/, '');
  assert.match(toolUrl, /\/o\/acme\/tools\/\d+$/);
  await page.context().close();
  return toolUrl;
}

// A new round of `template` on the tool, begun: the page shows its first section.
async function firstSection(template) {
  const page = await signedIn();
  await page.goto(await makeTool());
  await page.locator(`[id="reflection-template-${template}"]`).check();
  await navigate(page, () => page.getByRole('button', { name: 'Reflexion beginnen' }).click());
  await navigate(page, () => page.getByRole('link', { name: 'Beginnen' }).click());
  return page;
}

test('keyboard only: the whole use template, from the tool page to the team view, axe 0', async () => {
  const page = await signedIn();
  await page.goto(await makeTool());
  await expectAccessible(page, 'tool page with the reflection section');
  // The phase questions are chosen first; the use template is the fourth choice.
  await tabTo(page, 'reflection-template-phase.development');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), `reflection-template-${USE}`);
  await press(page, 'Reflexion beginnen');
  assert.match(await page.locator('h1').innerText(), /Reflexionsvorlage für die Nutzung/);
  await expectAccessible(page, 'round overview');
  await press(page, 'Beginnen');

  let sections = 0;
  for (;;) {
    sections += 1;
    await expectAccessible(page, `section ${sections}`);
    const textareas = await page.locator('#reflection-form textarea').evaluateAll(
      (els) => els.map((e) => e.id));
    for (const id of textareas) {
      await tabTo(page, id);
      await page.keyboard.type(`Antwort ${sections}/${id}: **gut**`);
    }
    const radios = page.locator('#reflection-form input[type=radio]');
    if ((await radios.count()) > 0) {
      const first = await radios.first().getAttribute('id');
      await tabTo(page, first);            // "Keine Angabe" is checked
      await page.keyboard.press('ArrowDown');  // einmalig
      await page.keyboard.press('ArrowDown');  // gelegentlich
    }
    const last = (await page.getByRole('button', { name: 'Speichern und zur Übersicht' }).count()) > 0;
    await press(page, last ? 'Speichern und zur Übersicht' : 'Speichern und weiter');
    if (last) break;
    assert.ok(sections < 20, 'the template ends');
  }
  assert.ok(sections >= 4, `answered ${sections} sections`);
  assert.match(await page.locator('main').innerText(), /Weiter ausfüllen/);
  await press(page, 'Reflexion abschließen');
  assert.match(await page.locator('[role=status]').first().innerText(), /abgeschlossen/);
  await press(page, 'Antworten des Teams ansehen');
  await expectAccessible(page, 'team view');
  const team = await page.locator('main').innerText();
  assert.match(team, /Antwort 1\/p1: \*\*gut\*\*|Antwort 1\/p1: gut/);
  assert.match(team, /gelegentlich\s+1/);
  await page.context().close();
});

test('360 px phone without JavaScript: begin, save a section, come back to the text', async () => {
  const page = await signedIn({ viewport: { width: 360, height: 740 }, isMobile: true,
    javaScriptEnabled: false });
  await page.goto(await makeTool());
  await page.locator(`[id="reflection-template-${USE}"]`).check();
  await page.locator('#reflection-mode-anonymous').check();
  await navigate(page, () => page.getByRole('button', { name: 'Reflexion beginnen' }).click());
  assert.match(await page.locator('main').innerText(), /Niemand sieht, wer was geschrieben hat/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'round fits 360 px');
  await navigate(page, () => page.getByRole('link', { name: 'Beginnen' }).click());
  await page.locator('#p2').fill('Für Elternbriefe');
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  assert.match(page.url(), new RegExp(`${USE}\\.2$`));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'section fits 360 px');
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und zurück' }).click());
  assert.equal(await page.locator('#p2').inputValue(), 'Für Elternbriefe');
  await page.context().close();
});

test('a draft survives a forced session expiry and comes back in its section', async () => {
  const page = await firstSection(USE);
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  const sectionUrl = page.url();
  // The session ends while the person types (the server no longer knows it).
  await page.locator('#p1').fill('Eine lange Antwort, die nicht verloren gehen darf');
  const url = new URL(env.server.url);
  await page.context().addCookies([{ name: 'solipraxis_session', value: 'abgelaufen',
    domain: url.hostname, path: '/' }]);
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  assert.match(await page.locator('main').innerText(), /Sitzung ist abgelaufen/);
  await expectAccessible(page, 'sign-in with the kept draft');
  await page.getByLabel(/E-Mail/i).fill(ADA.email);
  await page.getByLabel(/Passwort/i).fill(ADA.password);
  await navigate(page, () => page.keyboard.press('Enter'));
  await expectAccessible(page, 'resume page');
  await navigate(page, () => page.locator('main button[type=submit]').click());
  assert.equal(page.url().replace(/\?.*$/, ''), sectionUrl, 'back in the same section');
  assert.equal(await page.locator('#p1').inputValue(), 'Eine lange Antwort, die nicht verloren gehen darf');
  assert.match(await page.locator('[role=status]').first().innerText(), /gespeichert/);
  await page.context().close();
});

test('with JavaScript, a session that ends while the autosave runs still keeps the text', async () => {
  const page = await firstSection(USE);
  const sectionUrl = page.url();
  const url = new URL(env.server.url);
  await page.context().addCookies([{ name: 'solipraxis_session', value: 'abgelaufen',
    domain: url.hostname, path: '/' }]);
  await page.locator('#p2').click();
  await page.keyboard.type('Getippt, als die Sitzung endete');
  // The autosave meets the ended session (its answer clears the cookie) and says so.
  await page.waitForFunction(() => /Sitzung ist abgelaufen/.test(
    document.getElementById('autosave-status')?.textContent ?? ''));
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  assert.match(await page.locator('main').innerText(), /Sitzung ist abgelaufen|melden Sie sich/);
  await page.getByLabel(/E-Mail/i).fill(ADA.email);
  await page.getByLabel(/Passwort/i).fill(ADA.password);
  await navigate(page, () => page.keyboard.press('Enter'));
  await navigate(page, () => page.locator('main button[type=submit]').click());
  assert.equal(page.url().replace(/\?.*$/, ''), sectionUrl, 'back in the same section');
  assert.equal(await page.locator('#p2').inputValue(), 'Getippt, als die Sitzung endete');
  await page.context().close();
});

test('with JavaScript, leaving by a link right after typing keeps the draft', async () => {
  const page = await firstSection(USE);
  const sectionUrl = page.url();
  await page.locator('#p2').fill('Kurz vor dem Link getippt');
  await navigate(page, () => page.getByRole('link', { name: 'Zur Übersicht dieser Reflexion' }).first().click());
  let kept = '';
  for (let i = 0; i < 20 && kept === ''; i += 1) {  // the keepalive request may land a moment later
    await page.goto(sectionUrl);
    kept = await page.locator('#p2').inputValue();
    if (kept === '') await page.waitForTimeout(250);
  }
  assert.equal(kept, 'Kurz vor dem Link getippt');
  await page.context().close();
});

test('with JavaScript the section is saved while typing, without pressing a button', async () => {
  const page = await firstSection(USE);
  await page.locator('#p2').click();
  await page.keyboard.type('Getippt und von selbst gespeichert');
  await page.waitForFunction(
    () => document.getElementById('autosave-status')?.textContent === 'Entwurf gespeichert.');
  assert.equal(await page.locator('input[name=version]').inputValue(), '1', 'the form knows the new version');
  await page.reload();
  assert.equal(await page.locator('#p2').inputValue(), 'Getippt und von selbst gespeichert');
  // Typing on and pressing the button right away saves without a conflict.
  await page.locator('#p3').fill('Noch ein Satz');
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  assert.match(page.url(), new RegExp(`${USE}\\.2$`), 'no conflict with its own draft');
  await page.context().close();
});

test('the conflict between two tabs, the locked second part and the print view pass axe', async () => {
  const INTRO = 'm.reflection-template-introduction';
  const page = await firstSection(INTRO);
  const first = page.url();
  const round = first.replace(/\/sections\/.*$/, '');

  // Two tabs on the same section: the second save meets the first one's newer text.
  const other = await page.context().newPage();
  await other.goto(first);
  await page.locator('#p1').fill('Aus dem ersten Tab');
  await navigate(page, () => page.getByRole('button', { name: 'Speichern und weiter' }).click());
  await other.locator('#p1').fill('Aus dem zweiten Tab');
  await navigate(other, () => other.getByRole('button', { name: 'Speichern und weiter' }).click());
  const texts = await other.locator('main textarea').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(await other.locator('#p1').inputValue(), 'Aus dem ersten Tab', 'the newer text stays in the field');
  assert.ok(texts.includes('Aus dem zweiten Tab'), 'this tab\'s text is shown too');
  await expectAccessible(other, 'conflict screen');
  await other.close();

  await page.goto(round);
  await navigate(page, () => page.getByRole('button', { name: 'Teil 1 abschließen' }).click());
  await page.goto(`${round}/sections/${INTRO}.5`);
  assert.match(await page.locator('main').innerText(), /Teil 2 können Sie ab dem \d\d\.\d\d\.\d{4} beantworten/);
  await expectAccessible(page, 'locked second part');

  await page.goto(`${round}/mine/export.html`);
  assert.match(await page.locator('body').innerText(), /Aus dem ersten Tab/);
  assert.equal(await page.locator('nav').count(), 0, 'the print view has no navigation');
  await expectAccessible(page, 'print view');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'print view, printed');
  await page.context().close();
});
