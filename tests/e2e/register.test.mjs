// The AI tool register in a real browser (issue 6): an owner records a tool,
// moves it to pilot confirming the org's red line (after the gate refused the
// move without it), then decides non-use with a principle, and finds it in the
// non-use list and, as it is marked public, in the public register. Every
// register page passes axe; the decide form works with the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible as pageAccessible, navigate, newContext, signIn, useServerAndBrowser,
} from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const RED_LINE = 'Kein Werkzeug, das mit unseren Beratungsgesprächen trainiert';

// The browser closes the owner's context at the end.
const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Acme e.V.' } });
let server;
let page;
let toolUrl = '';

// The owner's signed-in page, shared by the tests in order (made in the first).
async function signInOwner() {
  server = env.server;
  const context = await newContext(env.browser);
  page = await context.newPage();
  await signIn(page, server.url, OWNER.email, OWNER.password);
  await page.waitForURL(`**/o/${ORG}`);
}

const expectAccessible = (what) => pageAccessible(page, what);

async function submit(name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

test('the dashboard links to the register, whose empty state names a first step', async () => {
  await signInOwner();
  await page.getByRole('link', { name: /KI-Register: Werkzeuge/ }).click();
  await page.waitForURL(`**/o/${ORG}/tools`);
  assert.match(await page.locator('main').innerText(), /Erster Schritt/);
  await expectAccessible('empty tools list');
  for (const path of ['/non-use', '/red-lines']) {
    await page.goto(`${server.url}/o/${ORG}${path}`);
    await expectAccessible(`empty ${path}`);
  }
});

test('an owner adds a red line and sets the review interval', async () => {
  await page.goto(`${server.url}/o/${ORG}/red-lines`);
  await page.getByLabel('Rote Linie', { exact: true }).fill(RED_LINE);
  await submit('Rote Linie hinzufügen');
  assert.match(await page.getByRole('status').innerText(), /gespeichert/);
  assert.match(await page.locator('table').innerText(), /Beratungsgesprächen/);
  await page.getByLabel('Monate bis zur nächsten Überprüfung').fill('3');
  await submit('Abstand speichern');
  assert.equal(await page.getByLabel('Monate bis zur nächsten Überprüfung').inputValue(), '3');
  await expectAccessible('red lines with one line');
  // Wait for each navigation (and the new page's load) before checking: axe
  // must not run on the old page, and page.url() is read only after it.
  await navigate(page, () => page.getByRole('link', { name: /^Bearbeiten/ }).click(),
    /\/red-lines\/\d+\/edit$/);
  assert.equal(await page.locator('h1').innerText(), 'Rote Linie bearbeiten');
  assert.equal(await page.getByLabel('Rote Linie', { exact: true }).inputValue(), RED_LINE);
  await expectAccessible('red line edit page');
  await navigate(page, () => page.getByRole('link', { name: 'Löschen', exact: true }).click(),
    /\/red-lines\/\d+\/delete$/);
  assert.equal(await page.locator('h1').innerText(), 'Rote Linie löschen');
  assert.match(await page.locator('blockquote').innerText(), /Beratungsgesprächen/);
  await expectAccessible('red line delete confirmation');
});

test('a tool is recorded; errors stand at their fields with the input kept', async () => {
  await page.goto(`${server.url}/o/${ORG}/tools/new`);
  await expectAccessible('new tool form');
  // Personal data: three choices in one named group, "not answered yet" for a new tool.
  const personal = page.getByRole('group', { name: /^Personenbezogene Daten/ });
  assert.equal(await personal.getByRole('radio').count(), 3);
  for (const name of ['Ja', 'Nein', 'Noch nicht geklärt']) {
    assert.equal(await personal.getByRole('radio', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await personal.getByRole('radio', { name: 'Noch nicht geklärt' }).isChecked(), true);
  assert.equal(await personal.getByRole('radio', { name: 'Nein' }).isChecked(), false);
  await page.getByLabel('Zweck').fill('<b>Protokolle</b> schneller schreiben');
  await page.getByLabel('Im öffentlichen Register').check();
  await submit('Werkzeug erfassen');
  const alert = page.locator('#tool-form-errors');
  assert.match(await alert.innerText(), /Namen/);
  assert.equal(await page.getByLabel('Zweck').inputValue(), '<b>Protokolle</b> schneller schreiben');
  assert.equal(await page.locator('#tool-name').getAttribute('aria-invalid'), 'true');
  await expectAccessible('new tool form with errors');
  await page.locator('#tool-name').fill('Transkriptionsdienst');
  await page.locator('#tool-public_summary').fill('Wir lassen Sitzungen transkribieren und prüfen jede Mitschrift.');
  await submit('Werkzeug erfassen');
  assert.match(page.url(), /\/o\/acme\/tools\/\d+\?saved=created$/);
  toolUrl = page.url().replace(/\?.*$/, '');
  assert.equal(await page.locator('h1').innerText(), 'Transkriptionsdienst');
  assert.match(await page.locator('main').innerText(), /<b>Protokolle<\/b> schneller schreiben/);
  await expectAccessible('tool page');
  await page.goto(`${toolUrl}/edit`);
  await expectAccessible('edit tool form');

  // Someone else saves the cost while this form is open: the conflict view
  // marks that field in words, and only that one.
  const other = await page.context().newPage();
  await other.goto(`${toolUrl}/edit`);
  await other.locator('#tool-cost').fill('20 Euro im Monat');
  await navigate(other, () => other.getByRole('button', { name: 'Speichern' }).click());
  await other.close();
  await page.locator('#tool-contact').fill('Ada');
  await submit('Speichern');
  assert.match(await page.locator('.conflict').innerText(), /Kosten\s+geändert von jemand anderem/);
  assert.equal(await page.locator('.changed-note').count(), 1);
  assert.match(await page.locator('#tool-cost-changed').innerText(), /geändert von jemand anderem/);
  assert.equal(await page.locator('#tool-contact').inputValue(), 'Ada', 'the input is kept');
  await expectAccessible('edit tool form after a conflict');
  await page.goto(`${server.url}/o/${ORG}/tools`);
  await expectAccessible('tools list with a tool');
});

test('moving to pilot needs the red line confirmed; then non-use with a principle', async () => {
  await page.goto(`${toolUrl}/decide`);
  await expectAccessible('decide page (idea)');
  await page.getByLabel(/^Genauer prüfen/).check();
  await page.getByLabel(/^Begründung/).fill('Wir wollen Alternativen vergleichen.');
  await submit('Entscheidung speichern');
  assert.match(await page.locator('.tool-status').innerText(), /Auswahl/);

  await page.goto(`${toolUrl}/decide`);
  await page.getByLabel(/^Erproben/).check();
  await page.getByLabel(/^Begründung/).fill('Drei Wochen im Team Beratung.');
  await submit('Entscheidung speichern');
  assert.match(await page.getByRole('alert').innerText(), /rote Linie/);
  assert.equal(await page.getByLabel(/^Begründung/).inputValue(), 'Drei Wochen im Team Beratung.');
  await expectAccessible('decide page refused by the red-line gate');
  await page.getByLabel(new RegExp(RED_LINE)).check();
  await submit('Entscheidung speichern');
  assert.match(await page.locator('.tool-status').innerText(), /Erprobung/);

  await page.goto(`${toolUrl}/decide`);
  await expectAccessible('decide page (pilot)');
  assert.match(await page.locator('main').innerText(), /Nicht-Nutzung ist eine legitime Entscheidung/);
  await page.getByLabel(/^Bewusst nicht nutzen/).check();
  await page.getByLabel(/^Begründung/).fill('Der Anbieter trainiert mit Eingaben.');
  await page.locator('#decide-principle_2').check();
  await page.locator('#decide-principle_2-how').fill('Gespräche bleiben vertraulich.');
  await submit('Entscheidung speichern');
  const status = await page.locator('.tool-status').innerText();
  assert.match(status, /Bewusst nicht genutzt/);
  const timeline = await page.locator('.timeline').innerText();
  assert.match(timeline, /Erprobung → Bewusst nicht genutzt/);
  assert.match(timeline, /Gespräche bleiben vertraulich/);
  assert.match(timeline, /Beratungsgesprächen/, 'the confirmed red line is in the history');
  await expectAccessible('tool page with its timeline');

  await page.goto(`${server.url}/o/${ORG}/non-use`);
  const list = await page.locator('main').innerText();
  assert.match(list, /Transkriptionsdienst/);
  assert.match(list, /Der Anbieter trainiert mit Eingaben/);
  assert.match(list, /Gespräche bleiben vertraulich/);
  await expectAccessible('non-use list');

  // Marked public, the decision not to use it appears in the public register too.
  const anonymous = await newContext(env.browser);
  const visitor = await anonymous.newPage();
  const res = await visitor.goto(`${server.url}/p/${ORG}/register`);
  assert.equal(res.status(), 200);
  const register = await visitor.locator('main').innerText();
  assert.match(register, /Transkriptionsdienst/);
  assert.match(register, /Der Anbieter trainiert mit Eingaben/);
  // Nobody answered the personal data question: the register says so, not "nein".
  assert.match(register, /Personenbezogene Daten\s+noch nicht geklärt/);
  assert.doesNotMatch(register, /Personenbezogene Daten\s+nein/);
  await anonymous.close();

  // The pilot confirmed the red line: its text can no longer change.
  await page.goto(`${server.url}/o/${ORG}/red-lines`);
  await navigate(page, () => page.getByRole('link', { name: /^Bearbeiten/ }).click(), /\/edit$/);
  await page.getByLabel('Rote Linie', { exact: true }).fill('Kein Training mit Beratung, außer mit Einwilligung');
  await submit('Speichern');
  assert.match(await page.getByRole('alert').innerText(), /schreiben Sie eine neue rote Linie/);
  await expectAccessible('red line edit refused after a confirmation');
  await navigate(page, () => page.getByRole('link', { name: 'Neue rote Linie schreiben' }).click());
  assert.match(await page.locator('table').innerText(), /Beratungsgesprächen/, 'the line is unchanged');
});

test('keyboard only: the decide form can be filled and sent', async () => {
  await page.goto(`${server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-name').fill('Tastatur-Test');
  await submit('Werkzeug erfassen');
  const url = page.url().replace(/\?.*$/, '');
  await page.goto(`${url}/decide`);
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const tabTo = async (id) => {
    for (let i = 0; i < 80 && (await focused()) !== id; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), id, `Tab reaches #${id}`);
  };
  await tabTo('decide-kind-explore');
  await page.keyboard.press('ArrowDown');  // radio group: the arrow selects the next option
  assert.equal(await focused(), 'decide-kind-reject');
  assert.equal(await page.locator('#decide-kind-reject').isChecked(), true);
  await tabTo('decide-rationale');
  await page.keyboard.type('Wir brauchen es nicht.');
  await tabTo('decide-principle_8');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'decide-principle_8-how');
  await page.keyboard.type('Wir sparen Geld und Aufwand.');
  // Date fields take several Tab presses (day, month, year); then the button.
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  for (let i = 0; i < 40 && (await focusedText()) !== 'Entscheidung speichern'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedText(), 'Entscheidung speichern');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(await page.locator('.tool-status').innerText(), /Bewusst nicht genutzt/);
});

test('keyboard only: the personal data answer is chosen with the arrow keys', async () => {
  await page.goto(`${server.url}/o/${ORG}/tools/new`);
  await page.locator('#tool-name').fill('Tastatur-Daten');
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  // The checked radio button is the group's one tab stop.
  for (let i = 0; i < 80 && (await focused()) !== 'tool-personal_data-unknown'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focused(), 'tool-personal_data-unknown', 'Tab reaches the answer');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'tool-personal_data-no');
  assert.equal(await page.locator('#tool-personal_data-no').isChecked(), true);
  await submit('Werkzeug erfassen');
  assert.match(await page.locator('main').innerText(), /Personenbezogene Daten\s+nein/);
  await expectAccessible('tool page with personal data answered');
});
