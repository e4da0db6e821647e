// The Prompt-Werkstatt end to end in a real browser: check a text with
// JavaScript switched off (findings marked in place and linked to the list),
// accept a suggestion, compose a prompt from the org's context, save the
// settings as the owner and read them as a member; axe-core finds nothing on
// either page in any state; the check works with the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, newContext, signIn, useServerAndBrowser } from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie' };
const MEMBER = { email: 'bob@example.org', password: 'richtig-langes-passwort' };
const ORG = 'acme';
// Results are shown by POST; the form's fragment scrolls to them.
const CHECKED = /\/werkstatt\/check#werkstatt-result$/;
const COMPOSED = /\/werkstatt\/compose#werkstatt-composed-block$/;
const THANKS = 'Wir danken allen Unterstützern für ihre Hilfe.';

const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Acme e.V.', name: 'Ada' } });

// Runs `action` (a click or key press that submits a form) and waits for the
// page it loads, even when the new URL equals the current one.
async function submit(page, action, url) {
  await Promise.all([page.waitForNavigation({ url }), action()]);
}

async function signedIn(who, options = {}) {
  const context = await newContext(env.browser, options);
  const page = await context.newPage();
  await signIn(page, env.server.url, who.email, who.password);
  await page.waitForURL(`**/o/${ORG}`);
  return { context, page };
}

test('without JavaScript: check a text, see the marks, accept a suggestion', async () => {
  const { context, page } = await signedIn(OWNER, { javaScriptEnabled: false });
  await page.getByRole('link', { name: /Prompt-Werkstatt/ }).click();
  await page.waitForURL(`**/o/${ORG}/werkstatt`);
  assert.match(await page.locator('main').innerText(), /ruft kein KI-Modell auf/);

  await page.getByLabel('Ihr Text oder Prompt').fill(THANKS);
  await submit(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click(), CHECKED);
  const mark = page.locator('mark.check-mark-inclusive');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.innerText(), 'allen Unterstützern');
  // The number after the mark leads to the finding; the finding leads back.
  assert.equal(await page.locator('#mark-1').getAttribute('href'), '#finding-1');
  const finding = page.locator('#finding-1');
  assert.match(await finding.innerText(), /Generisches Maskulinum/);
  assert.equal(await finding.getByRole('link', { name: /Stelle im Text/ }).getAttribute('href'), '#mark-1');
  assert.match(await page.locator('.check-stats').innerText(), /Flesch/);

  await submit(page, () => finding.getByRole('button', { name: /Übernehmen\W+allen Unterstützer:innen/ }).click(), CHECKED);
  assert.equal(await page.getByLabel('Ihr Text oder Prompt').inputValue(),
    'Wir danken allen Unterstützer:innen für ihre Hilfe.');
  assert.match(await page.getByRole('status').first().innerText(), /Vorschlag übernommen/);
  assert.equal(await page.locator('mark').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Text kopieren' }).count(), 0, 'no script, no copy button');
  await context.close();
});

// axe needs JavaScript; the pages themselves have none.
test('axe finds nothing on the workshop: empty, with findings, after accepting, composed', async () => {
  const { context, page } = await signedIn(OWNER);
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  await expectAccessible(page, 'werkstatt');
  await page.getByLabel('Ihr Text oder Prompt').fill(`Liebe Freunde,\n${THANKS} Die Anträge werden von den Sachbearbeitern geprüft.`);
  await submit(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click(), CHECKED);
  assert.ok(await page.locator('mark').count() >= 2);
  await expectAccessible(page, 'werkstatt with findings');
  await submit(page, () => page.locator('#finding-1').getByRole('button').first().click(), CHECKED);
  await expectAccessible(page, 'werkstatt after accepting');
  await page.getByLabel('Aufgabe').fill('Schreibe eine Einladung.');
  await submit(page, () => page.getByRole('button', { name: 'Prompt bauen' }).click(), COMPOSED);
  await expectAccessible(page, 'werkstatt after composing');
  // The optional script adds a copy button (JavaScript is on here).
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Prompt kopieren' }).click();
  await page.getByText('Kopiert.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    await page.getByLabel('Ihr Prompt zum Kopieren').inputValue());
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.check-options').isVisible(), false, 'print hides the options');
  await context.close();
});

test('the owner saves settings; a member reads them; the composer uses them', async () => {
  const res = env.server.cli(['user', 'create', '--email', MEMBER.email, '--org', ORG,
    '--name', 'Bob', '--role', 'member'], `${MEMBER.password}\n`);
  assert.equal(res.code, 0, res.stderr);
  const owner = await signedIn(OWNER);
  let page = owner.page;
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt/settings`);
  await expectAccessible(page, 'settings (owner)');
  await page.getByLabel('Rolle der Organisation').fill('ein Verein der Nachbarschaftshilfe');
  await page.getByLabel('Werte').fill('Solidarität, Teilhabe');
  await page.getByLabel('Arbeitsfeld').fill('Soziale Arbeit');
  await page.getByLabel(/Sternchen/).check();
  await page.getByLabel('Erlaubte Wörter').fill('Unterstützern\nBecker');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.waitForURL(/\/werkstatt\/settings\?saved=1$/);
  assert.match(await page.getByRole('status').innerText(), /gespeichert/);
  assert.equal(await page.getByLabel('Erlaubte Wörter').inputValue(), 'Becker\nUnterstützern');

  await page.getByLabel('Erlaubte Wörter').fill('x'.repeat(81));
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('Erlaubte Wörter').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'settings with an error');
  await owner.context.close();

  const member = await signedIn(MEMBER);
  page = member.page;
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt/settings`);
  assert.equal(await page.locator(`form[action="/o/${ORG}/werkstatt/settings"]`).count(), 0);
  assert.match(await page.locator('main').innerText(), /ein Verein der Nachbarschaftshilfe/);
  await expectAccessible(page, 'settings (member, read only)');

  // The accepted word now gives no finding; the composer has the context.
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  await page.getByLabel('Ihr Text oder Prompt').fill(THANKS);
  await submit(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click(), CHECKED);
  assert.equal(await page.locator('mark.check-mark-inclusive').count(), 0);

  assert.equal(await page.getByLabel('Rolle der Organisation').inputValue(), 'ein Verein der Nachbarschaftshilfe');
  await page.getByLabel('Aufgabe').fill('Schreibe einen Aufruf für unser Sommerfest.');
  await page.getByLabel('Für wen ist der Text?').fill('Familien im Stadtteil');
  await submit(page, () => page.getByRole('button', { name: 'Prompt bauen' }).click(), COMPOSED);
  const prompt = await page.getByLabel('Ihr Prompt zum Kopieren').inputValue();
  assert.match(prompt, /^Wir sind ein Verein der Nachbarschaftshilfe\./);
  assert.match(prompt, /Familien im Stadtteil/);
  assert.match(prompt, /Stereotype/);
  assert.equal(await page.getByLabel('Ihr Text oder Prompt').inputValue(), prompt);
  assert.doesNotMatch(await page.locator('.check-result').innerText(), /context\.missing/);
  await expectAccessible(page, 'werkstatt after composing');
  await member.context.close();
});

test('keyboard only: type a text, check it, jump to the finding and accept it', async () => {
  const { context, page } = await signedIn(OWNER);
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
  for (let i = 0; i < 40 && (await focused()) !== 'werkstatt-text'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'werkstatt-text');
  await page.keyboard.type('Jeder Bewohner bekommt einen Brief.');
  for (let i = 0; i < 10 && (await focused()) !== 'Prüfen'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Prüfen');
  await submit(page, () => page.keyboard.press('Enter'), CHECKED);
  for (let i = 0; i < 60 && (await focused()) !== 'mark-1'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'mark-1');
  await page.keyboard.press('Enter');
  // Following an in-page link is a same-document navigation that the
  // keyboard press does not wait for: wait for the URL, then go on.
  await page.waitForURL(/#finding-1$/);
  const accept = () => page.evaluate(() => document.activeElement?.getAttribute('name') === 'apply');
  for (let i = 0; i < 10 && !(await accept()); i += 1) await page.keyboard.press('Tab');
  assert.ok(await accept(), 'an accept button is reachable from the finding');
  await submit(page, () => page.keyboard.press('Enter'), CHECKED);
  assert.doesNotMatch(await page.getByLabel('Ihr Text oder Prompt').inputValue(), /Bewohner /);
  await context.close();
});

test('the opened check options are labelled and pass axe', async () => {
  const { context, page } = await signedIn(OWNER);
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  await page.locator('details.check-options summary').click();
  await page.getByLabel('Sprache des Textes').selectOption('en');
  await page.getByLabel('Form für Personen').selectOption('star');
  await expectAccessible(page, 'Werkstatt with the options open');
  await context.close();
});

test('an editor lists a term to avoid on the settings page; the workshop flags it', async () => {
  const { context, page } = await signedIn(OWNER, { javaScriptEnabled: true });
  await page.goto(`${env.server.url}/o/${ORG}/werkstatt/settings`);
  const first = page.getByRole('group', { name: 'Begriff 1', exact: true });
  await first.getByLabel('Begriff', { exact: true }).fill('Flüchtlinge');
  await first.getByLabel(/Vorschläge/).fill('Geflüchtete; Menschen mit Fluchterfahrung');
  await first.getByLabel(/Hinweis/).fill('Wir schreiben „Geflüchtete“.');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.waitForURL(/\/werkstatt\/settings\?saved=1$/);
  assert.equal(await first.getByLabel('Begriff', { exact: true }).inputValue(), 'Flüchtlinge');
  assert.equal(await first.getByLabel('Diesen Begriff entfernen').isChecked(), false);
  await expectAccessible(page, 'settings with a term');

  // A refused term: the error sits at its row, what was typed stays.
  const second = page.getByRole('group', { name: 'Begriff 2', exact: true });
  await second.getByLabel(/Vorschläge/).fill('ohne Begriff');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Begriff 2: Bitte tragen Sie den Begriff ein/);
  assert.equal(await second.getByLabel('Begriff', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await second.getByLabel(/Vorschläge/).inputValue(), 'ohne Begriff');
  await expectAccessible(page, 'settings with a refused term');

  await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
  await page.getByLabel('Ihr Text oder Prompt').fill('Wir beraten Flüchtlinge in der Stadt.');
  await submit(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click(), CHECKED);
  const mark = page.locator('mark.check-mark-inclusive');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.innerText(), 'Flüchtlinge');
  const finding = page.locator('#finding-1');
  assert.match(await finding.innerText(), /Wort von der Liste Ihrer Organisation/);
  assert.match(await finding.innerText(), /Wir schreiben „Geflüchtete“\./);
  await submit(page, () => finding.getByRole('button', { name: /Übernehmen\W+Geflüchtete/ }).first().click(), CHECKED);
  assert.equal(await page.getByLabel('Ihr Text oder Prompt').inputValue(), 'Wir beraten Geflüchtete in der Stadt.');
  await context.close();
});
