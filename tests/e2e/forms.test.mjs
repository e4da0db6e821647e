// Forms that never lose work (issue 22, items 4 and 5), in a real browser with
// the keyboard alone: a typed impossible date is refused at its field with the
// reason and every input kept, then corrected; two people edit the same tool,
// and after the save conflict the form shows the colleague's change, keeps the
// person's own and asks, with two radio buttons, about the field both changed.
// Every page on the way passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, focusedId as focused, navigate, newContext, pressButton, signIn, tabTo,
  useServerAndBrowser,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const BEA = { email: 'bea@example.org', password: 'noch-ein-langes-passwort', name: 'Bea Editor' };
const ORG = 'acme';

const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

async function signedIn(who) {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await signIn(page, env.server.url, who.email, who.password);
  await page.waitForURL(`**/o/${ORG}`);
  return page;
}

let toolUrl = '';

test('keyboard only: an impossible date is refused at its field and nothing typed is lost', async () => {
  const page = await signedIn(ADA);
  await page.goto(`${env.server.url}/o/${ORG}/tools/new`);
  await tabTo(page, 'tool-name');
  await page.keyboard.type('Terminplaner');
  await tabTo(page, 'tool-purpose');
  await page.keyboard.type('Beratungstermine vergeben');
  await tabTo(page, 'tool-next_review');
  await page.keyboard.type('30.02.2027');
  await pressButton(page, 'Werkzeug erfassen');
  const summary = await page.locator('#tool-form-errors').innerText();
  assert.match(summary, /Nächste Überprüfung: Diesen Tag gibt es im Kalender nicht/);
  const field = page.locator('#tool-next_review');
  assert.equal(await field.inputValue(), '30.02.2027', 'the typed date is kept');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#tool-next_review-error').innerText(), /gibt es im Kalender nicht/);
  assert.equal(await page.locator('#tool-name').inputValue(), 'Terminplaner');
  assert.equal(await page.locator('#tool-purpose').inputValue(), 'Beratungstermine vergeben');
  await expectAccessible(page, 'new tool form with a refused date');
  // Corrected with the keyboard: the date is saved.
  await tabTo(page, 'tool-next_review');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('28.02.2027');
  await pressButton(page, 'Werkzeug erfassen');
  assert.match(page.url(), /\/o\/acme\/tools\/\d+\?saved=created$/);
  toolUrl = page.url().replace(/\?.*$/, '');
  assert.match(await page.locator('main').innerText(), /2027-02-28|28\.02\.2027/);
  await page.context().close();
});

test('keyboard only: after a save conflict the colleague\'s change stays and a shared field is chosen', async () => {
  const made = env.server.cli(['user', 'create', '--email', BEA.email, '--org', ORG,
    '--role', 'editor', '--name', BEA.name], `${BEA.password}\n`);
  assert.equal(made.code, 0, made.stderr);
  const ada = await signedIn(ADA);
  await ada.goto(`${toolUrl}/edit`);
  // Bea, signed in in her own browser, saves purpose and cost while Ada's form is open.
  const bea = await signedIn(BEA);
  await bea.goto(`${toolUrl}/edit`);
  await bea.locator('#tool-purpose').fill('Termine für die Sozialberatung');
  await bea.locator('#tool-cost').fill('20 Euro im Monat');
  await navigate(bea, () => bea.getByRole('button', { name: 'Speichern' }).click());
  await bea.context().close();
  // Ada changes the purpose too, and the contact.
  await tabTo(ada, 'tool-purpose');
  await ada.keyboard.press('Control+A');
  await ada.keyboard.type('Termine für alle Beratungen');
  await tabTo(ada, 'tool-contact');
  await ada.keyboard.type('Ada');
  await pressButton(ada, 'Speichern');
  const conflict = await ada.locator('.conflict').innerText();
  assert.match(conflict, /Diese Felder hat nur jemand anderes geändert/);
  assert.match(conflict, /Diese Felder haben Sie beide geändert/);
  assert.equal(await ada.locator('#tool-cost').inputValue(), '20 Euro im Monat', "Bea's cost is in the form");
  assert.equal(await ada.locator('#tool-contact').inputValue(), 'Ada', "Ada's contact is kept");
  const choice = ada.getByRole('group', { name: /Welcher Stand soll gelten/ });
  assert.equal(await choice.getByRole('radio').count(), 2);
  assert.match(await choice.innerText(), /Termine für alle Beratungen/);
  assert.match(await choice.innerText(), /Termine für die Sozialberatung/);
  await expectAccessible(ada, 'tool form after a save conflict');
  // Saving without a choice asks again; nothing is lost.
  await pressButton(ada, 'Speichern');
  assert.match(await ada.locator('#tool-form-errors').innerText(), /Zweck: Bitte wählen Sie/);
  assert.equal(await ada.locator('#tool-contact').inputValue(), 'Ada');
  await expectAccessible(ada, 'tool form asking for a choice');
  // Ada takes Bea's purpose: Tab to the first option, the arrow selects the second.
  await tabTo(ada, 'tool-purpose-keep-mine');
  await ada.keyboard.press('ArrowDown');
  assert.equal(await focused(ada), 'tool-purpose-take-theirs');
  assert.equal(await ada.locator('#tool-purpose-take-theirs').isChecked(), true);
  await pressButton(ada, 'Speichern');
  assert.match(ada.url(), /\?saved=updated$/);
  const shown = await ada.locator('main').innerText();
  assert.match(shown, /Termine für die Sozialberatung/);
  assert.match(shown, /20 Euro im Monat/);
  assert.match(shown, /Ada/);
  await ada.context().close();
});
