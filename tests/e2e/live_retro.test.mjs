// A whole team retro in real browsers (issue 25): a signed-in facilitator
// prepares and starts a retro for a tool; three participants without an account
// join with the code typed in lower case (one by keyboard only, one at 360 px
// with JavaScript off), write cards; the facilitator reveals, and the page with
// JavaScript shows the others' cards without reloading while the one without
// sees them after "Aktualisieren"; dots up to the budget and the message past
// it; grouping, an action item, every further step (followed live, a card in
// each column: the five focus categories), the end; the action item is then
// open for the tool's next retro and in the API. axe 0 on every page on the way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addCard, clickButton, DESKTOP, expectAccessible, joinSession, makeTool, navigate, PHONE_NO_JS as PHONE,
  signedIn, useServerAndBrowser,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const TOOL = 'Übersetzungs-KI';
const ACTION = 'Datenschutzhinweis für die Übersetzungs-KI schreiben';

const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

test('a retro from preparing to the end, with three participants, axe 0 throughout', async () => {
  const fac = await signedIn(env, ADA, ORG, DESKTOP);
  await makeTool(env, fac, ORG, TOOL);

  await fac.goto(`${env.server.url}/o/${ORG}/sessions`);
  await expectAccessible(fac, 'sessions page');
  await fac.locator('#retro-tool').selectOption({ label: TOOL });
  await clickButton(fac, 'Retro vorbereiten');
  const sessionUrl = fac.url().replace(/\?.*$/, '');
  assert.match(sessionUrl, new RegExp(`/o/${ORG}/sessions/\\d+$`));
  await expectAccessible(fac, 'facilitator page, draft');
  if (!(await fac.locator('#setup-hide').isChecked())) {
    await fac.locator('#setup-hide').check();
    await clickButton(fac, 'Speichern');
  }
  await clickButton(fac, 'Sitzung starten');
  await expectAccessible(fac, 'facilitator page, running');
  const code = (await fac.locator('.live-code strong').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-?[A-Z2-9]{4}$/, `a join code: ${code}`);

  // Three participants: keyboard only with a name, one more with JavaScript,
  // one on a phone without JavaScript.
  const bea = await joinSession(env, code, { name: 'Bea', keyboard: true, check: true });
  await expectAccessible(bea, 'room');
  // The first step has one question, and its one column is named after it: said once, not twice.
  const question = await bea.locator('.live-step .live-column h3').first().innerText();
  const said = (await bea.locator('.live-step').innerText()).split(question).length - 1;
  assert.equal(said, 1, `the step's question "${question}" is on the page once`);
  const cem = await joinSession(env, code);
  const dora = await joinSession(env, code, { options: PHONE });
  assert.ok(await dora.evaluate(() => document.documentElement.scrollWidth <= 360), 'room: no sideways scroll at 360 px');
  // axe needs JavaScript: Dora's page is checked for what it can be without (one
  // h1, no sideways scroll); the same room with JavaScript passes axe above.
  assert.equal(await dora.locator('h1').count(), 1);
  await fac.reload();
  assert.match(await fac.locator('.live-join [role=status]').innerText(), /3.*Bea/, 'the facilitator sees who joined');

  const cards = { bea: 'Die Übersetzungen sparen uns viel Zeit', cem: 'Manchmal klingt der Text zu förmlich',
    dora: 'Wir wissen nicht, wo die Daten landen' };
  // Bea writes hers by keyboard only, too.
  await addCard(bea, cards.bea, { keyboard: true });
  await addCard(cem, cards.cem);
  await addCard(dora, cards.dora);
  // Hidden until revealed: nobody sees another's text yet.
  await bea.waitForFunction(() => /2 weitere Karten/.test(document.getElementById('live-board').innerText));
  assert.equal(await bea.getByText(cards.cem).count(), 0, 'hidden cards stay hidden');
  assert.equal(await dora.getByText(cards.bea).count(), 0, 'hidden cards stay hidden');

  // Reveal: Bea's page (JavaScript) updates by itself, no navigation.
  await bea.evaluate(() => { window.notReloaded = true; });
  await fac.reload();
  await clickButton(fac, 'Karten aufdecken');
  await bea.locator('.live-card-text', { hasText: cards.cem }).waitFor({ timeout: 10000 });
  await bea.locator('.live-card-text', { hasText: cards.dora }).waitFor({ timeout: 10000 });
  assert.equal(await bea.evaluate(() => window.notReloaded), true, 'the cards came without a reload');
  // The announcement follows the board swap (live.js clears the region, then fills it 100 ms later).
  await bea.waitForFunction(() => /\S/.test(document.getElementById('live-announce').textContent),
                            null, { timeout: 5000 });
  await expectAccessible(bea, 'room after the live reveal');
  // Dora (no JavaScript) sees them after "Aktualisieren".
  assert.equal(await dora.getByText(cards.bea).count(), 0);
  await navigate(dora, () => dora.getByRole('link', { name: 'Aktualisieren' }).click());
  await dora.locator('.live-card-text', { hasText: cards.bea }).waitFor();
  await dora.locator('.live-card-text', { hasText: cards.cem }).waitFor();
  assert.ok(await dora.evaluate(() => document.documentElement.scrollWidth <= 360), 'revealed cards fit 360 px');

  // Dots: up to the budget, then the message.
  const budget = Number((await dora.locator('#live-budget').innerText()).match(/von (\d+) Punkten/)[1]);
  assert.ok(budget >= 1);
  const voteOn = async (text) => {
    const card = dora.locator('.live-card', { has: dora.locator('.live-card-text', { hasText: text }) });
    await navigate(dora, () => card.getByRole('button', { name: 'Punkt geben' }).click());
  };
  for (let i = 0; i < budget; i += 1) await voteOn(i % 2 === 0 ? cards.bea : cards.cem);
  assert.match(await dora.locator('#live-budget').innerText(), new RegExp(`noch 0 von ${budget} Punkten`));
  await voteOn(cards.bea);
  const refused = dora.locator('.live-card [role=alert]');
  assert.match(await refused.innerText(), /alle Ihre Punkte vergeben/);
  // On a phone the message must be on the screen, not somewhere down the board.
  const where = await refused.evaluate((e) => e.getBoundingClientRect());
  assert.ok(where.top >= 0 && where.bottom <= 740, `the budget message is in view at 360 px (top ${where.top})`);
  assert.ok(await dora.evaluate(() => document.documentElement.scrollWidth <= 360), 'the message fits 360 px');

  // Saving her own card empty: the message, in view, with the card's editor open.
  const mine = dora.locator('.live-card-mine');
  await mine.locator('summary', { hasText: 'Bearbeiten' }).click();
  await mine.locator('textarea').fill('');
  await navigate(dora, () => mine.getByRole('button', { name: 'Änderung speichern' }).click());
  const editError = dora.locator('.live-card-mine .field-error');
  assert.match(await editError.innerText(), /Bitte schreiben Sie etwas auf die Karte/);
  const at = await editError.evaluate((e) => e.getBoundingClientRect());
  assert.ok(at.top >= 0 && at.bottom <= 740, `the card's error is in view at 360 px (top ${at.top})`);
  assert.match(await dora.locator('.live-card-mine .live-card-text').innerText(), new RegExp(cards.dora),
    'the card keeps its text');

  // Group two cards, add an action item, next step, end.
  await fac.reload();
  for (const text of [cards.cem, cards.dora]) {
    const id = await fac.locator('.live-card', { has: fac.locator('.live-card-text', { hasText: text }) })
      .first().getAttribute('data-card');
    await fac.locator(`#live-select-${id}`).check();
  }
  await fac.locator('#cluster-name').fill('Vertrauen');
  await clickButton(fac, 'Ausgewählte Karten gruppieren');
  const group = fac.locator('.live-cluster', { hasText: 'Vertrauen' });
  await group.locator('.live-card-text', { hasText: cards.cem }).waitFor();
  await group.locator('.live-card-text', { hasText: cards.dora }).waitFor();
  await fac.locator('#action-text').fill(ACTION);
  await clickButton(fac, 'Schritt festhalten');
  assert.match(await fac.locator('section[aria-labelledby=actions]').innerText(), new RegExp(ACTION));
  assert.equal(await fac.getByText('Offene Schritte aus früheren Sitzungen').count(), 0,
    'this session\'s own step is not one of an earlier session');
  // Every further step: Cem's page (JavaScript) follows by itself, and he
  // writes one card into each of the step's columns.
  let step = 1;
  let widest = 1;
  for (;;) {
    const next = fac.getByRole('button', { name: /^Weiter:/ });
    if ((await next.count()) === 0) break;
    const before = await fac.locator('#live-step-heading').innerText();
    await navigate(fac, () => next.click());
    step += 1;
    const heading = await fac.locator('#live-step-heading').innerText();
    assert.notEqual(heading, before, `step ${step} is shown`);
    if (step === 2) await expectAccessible(fac, 'facilitator page, second step');
    await cem.waitForFunction((h) => document.getElementById('live-step-heading')?.innerText === h,
      heading, { timeout: 10000 });
    const select = cem.locator('#live-add-column');
    const columns = (await select.count()) > 0
      ? await select.locator('option').evaluateAll((os) => os.map((o) => o.value)) : [''];
    widest = Math.max(widest, columns.length);
    for (const column of columns) {
      if (column) await cem.locator('#live-add-column').selectOption(column);
      await addCard(cem, `Schritt ${step}: Karte für ${column || 'alle'}`);
    }
    assert.ok(step < 20, 'the steps end');
  }
  assert.ok(step >= 3, `the retro has its steps (${step})`);
  assert.ok(widest >= 5, `cards in the five focus categories (widest step: ${widest} columns)`);
  assert.equal(await fac.locator('#end-confirm').getAttribute('required'), '', 'ending needs the confirmation');
  await fac.locator('#end-confirm').check();
  await clickButton(fac, 'Sitzung beenden');
  assert.equal(await fac.locator('#report').count(), 1, 'the ended page shows the result');
  await expectAccessible(fac, 'facilitator page, ended');
  await bea.locator('text=Diese Sitzung ist beendet').first().waitFor({ timeout: 10000 });

  // The action item is the tool's now: open in its next retro and in the API.
  await fac.goto(`${env.server.url}/o/${ORG}/sessions`);
  await fac.locator('#retro-tool').selectOption({ label: TOOL });
  await clickButton(fac, 'Retro vorbereiten');
  await clickButton(fac, 'Sitzung starten');
  const open = fac.locator('section[aria-labelledby=actions]');
  assert.match(await open.innerText(), /Offene Schritte aus früheren Sitzungen/);
  assert.match(await open.innerText(), new RegExp(ACTION));
  const api = await fac.request.get(`${env.server.url}/api/v1/orgs/${ORG}/action-items`);
  assert.equal(api.status(), 200);
  assert.match(await api.text(), new RegExp(ACTION));

  for (const p of [fac, bea, cem, dora]) await p.context().close();
});
