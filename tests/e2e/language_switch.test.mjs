// Switching the language never loses work (issue 22), in a real browser with
// and without JavaScript: the switch on a Werkstatt result sends the text again
// in English (no 405, the text and the result stay); an invitation link stays on
// the members page after the tab is closed and is copied with one button.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  axeViolations, describeViolations, navigate, newContext, signIn, useServerAndBrowser,
} from './lib.mjs';

const OWNER = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const TEXT = 'Jeder Mitarbeiter soll die Ergebnisse prüfen.';
const env = useServerAndBrowser({ owner: { ...OWNER, org: ORG, orgName: 'Acme e.V.' } });

for (const javaScriptEnabled of [true, false]) {
  test(`the Werkstatt result survives the switch to English (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const context = await newContext(env.browser, { javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, env.server.url, OWNER.email, OWNER.password);
    await page.goto(`${env.server.url}/o/${ORG}/werkstatt`);
    await page.locator('#werkstatt-text').fill(TEXT);
    await navigate(page, () => page.getByRole('button', { name: 'Prüfen', exact: true }).click());
    const res = await navigate(page, () => page.getByRole('button', { name: 'English' }).first().click());
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('#werkstatt-text').inputValue(), TEXT);
    assert.equal(await page.locator('#werkstatt-result').count(), 1, 'the result is still shown');
    if (javaScriptEnabled) {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    }
    await context.close();
  });
}

test('an invitation link stays after the tab is closed and is copied with one button', async () => {
  const context = await newContext(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  let page = await context.newPage();
  await signIn(page, env.server.url, OWNER.email, OWNER.password);
  await page.goto(`${env.server.url}/o/${ORG}/members`);
  assert.match(await page.locator('main').innerText(), /verschickt keine E-Mails/);
  await navigate(page, () => page.getByRole('button', { name: 'Einladungslink erstellen' }).click());
  const link = await page.getByLabel('Einladungslink').inputValue();
  assert.match(link, /\/invite\/[A-Za-z0-9_-]{43}$/);
  await page.close();

  page = await context.newPage();  // the tab was closed; the owner comes back
  await page.goto(`${env.server.url}/o/${ORG}/members`);
  assert.equal(await page.getByLabel('Einladungslink').inputValue(), link);
  await page.getByRole('button', { name: 'Link kopieren' }).click();
  await page.getByText('Kopiert.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await context.close();
});
