// The paper's tool-selection workshop in real browsers (issue 25): a signed-in
// facilitator prepares a workshop for three candidate tools (the steps exactly
// as the catalog's m.tool-selection-workshop gives them) and runs every step
// with three participants without an account (one by keyboard only, one at
// 360 px with JavaScript off). Cards go on the step's questions; on the vision
// step a card becomes one of the org's red lines; on the perspective step a
// small group's persona is placed in a tool's risk matrix (from the live page to
// tools/{id}/risks/new, and the matrix shows that persona); dots up to the
// budget; the last step records the decisions: one tool to pilot (its red line
// confirmed), the others not to use. A second workshop decides to use none of
// its tools. axe 0 on every page on the way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  addCard, clickButton, DESKTOP, expectAccessible, expectAccessibleWithoutScript, joinSession,
  makeTool, navigate, PHONE_NO_JS, pressButton, signedIn, tabTo, useServerAndBrowser,
} from './lib.mjs';

const ADA = { email: 'ada@example.org', password: 'korrekt-pferd-batterie', name: 'Ada Owner' };
const ORG = 'acme';
const TOOLS = ['Termin-Bot', 'Chat-Assistent', 'Übersetzungs-KI'];
const PERSONA = 'Erika, 78';
const RED_LINE = 'Keine Daten der Ratsuchenden an Anbieter außerhalb der EU';

const env = useServerAndBrowser({ owner: { ...ADA, org: ORG, orgName: 'Acme e.V.' } });

// The method as the catalog's newest version gives it (German), each step with
// the questions people see: its own prompts, else the reflection questions of
// the phase it refers to (step 4: "Reflexionsfragen (s.o.)").
function catalogWorkshop() {
  const root = new URL('../../data/catalog/', import.meta.url);
  const versions = ['v1', 'v2', 'v3', 'v4', 'v5'].filter((v) => {
    try { readFileSync(new URL(`${v}/methods.json`, root)); return true; } catch { return false; }
  });
  const read = (file) => JSON.parse(readFileSync(new URL(`${versions.at(-1)}/${file}`, root), 'utf8'));
  const methods = read('methods.json').methods;
  const { questions } = read('questions.json');
  const method = methods.find((m) => m.id === 'm.tool-selection-workshop');
  for (const step of method.steps) {
    step.questions = step.prompts.map((p) => p.text.de);
    if (step.questions.length === 0) {
      step.questions = questions.filter((q) => (step.related ?? []).includes(q.phase)).map((q) => q.text.de);
    }
  }
  return method;
}

const phoneFits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

// The facilitator's link on the live page (by its name), followed; returns to the session after `then`.
async function follow(page, name) {
  const link = page.getByRole('link', { name });
  assert.equal(await link.count(), 1, `the live page links "${name}"`);
  await navigate(page, () => link.click());
}

// Records a decision on the tool's decide page (already open): the kind by its label, the rationale kept.
async function decide(page, kind, { confirmRedLine = false } = {}) {
  await page.getByRole('radio', { name: new RegExp(`^${kind} `) }).check();
  if (confirmRedLine) await page.getByRole('checkbox', { name: new RegExp(RED_LINE) }).check();
  await clickButton(page, 'Entscheidung speichern');
  assert.match(page.url(), /saved=decided|recorded=decision/, `the decision "${kind}" is saved`);
}

// Moves a fresh tool into the selection phase, where the paper's workshop belongs.
async function toSelection(page, toolUrl) {
  await page.goto(`${toolUrl}/decide`);
  await page.locator('#decide-rationale').fill('Kommt für uns in Frage, wir vergleichen im Workshop.');
  await decide(page, 'Genauer prüfen');
}

async function prepareWorkshop(page, tools) {
  await page.goto(`${env.server.url}/o/${ORG}/sessions`);
  for (const name of tools) await page.getByRole('checkbox', { name, exact: true }).check();
  await clickButton(page, 'Workshop vorbereiten');
  assert.match(page.url(), new RegExp(`/o/${ORG}/sessions/\\d+\\?created=1$`),
    await page.locator('main').innerText());
  return page.url().replace(/\?.*$/, '');
}

// The facilitator moves the room to the next step; returns the new step's heading.
async function nextStep(page) {
  await navigate(page, () => page.getByRole('button', { name: /^Weiter:/ }).click());
  return page.locator('#live-step-heading').innerText();
}

async function reveal(page) {
  const button = page.getByRole('button', { name: 'Karten aufdecken', exact: true });
  if (await button.count()) await navigate(page, () => button.click());
}

test('a tool-selection workshop for three tools: red line, persona in the matrix, votes, decisions', async () => {
  const method = catalogWorkshop();
  const fac = await signedIn(env, ADA, ORG, DESKTOP);
  const toolUrls = [];
  for (const name of TOOLS) toolUrls.push(await makeTool(env, fac, ORG, name));
  for (const url of toolUrls) await toSelection(fac, url);
  // The small group's persona comes from the org's library (here: a copied example).
  await fac.goto(`${env.server.url}/o/${ORG}/personas`);
  await fac.getByRole('checkbox', { name: new RegExp(`^${PERSONA}`) }).check();
  await clickButton(fac, 'Ausgewählte Beispiele übernehmen');

  await fac.goto(`${env.server.url}/o/${ORG}/sessions`);
  await expectAccessible(fac, 'sessions page');
  // The register calls them "Werkzeuge" ("Werkzeug erfassen"); the sessions page says the same.
  assert.doesNotMatch(await fac.locator('main').innerText(), /\bTools?\b/, 'one word for a tool');
  const sessionUrl = await prepareWorkshop(fac, TOOLS);
  await expectAccessible(fac, 'workshop, draft');
  // Every step of the paper's method, with its questions, in the set-up form.
  const steps = method.steps;
  assert.equal(await fac.locator('#setup-form fieldset legend').count(), steps.length, 'one fieldset per step');
  for (const [i, step] of steps.entries()) {
    assert.equal(await fac.locator(`#step${i}-title`).inputValue(), step.title.de, `step ${i + 1}'s title`);
    assert.equal(await fac.locator(`#step${i}-prompts`).inputValue(), step.questions.join('\n'),
      `step ${i + 1}'s questions`);
    assert.equal(Number(await fac.locator(`#step${i}-minutes`).inputValue()), step.duration_minutes.max,
      `step ${i + 1}'s minutes`);
  }
  for (const name of TOOLS) assert.match(await fac.locator('h1').innerText(), new RegExp(name));
  if (!(await fac.locator('#setup-hide').isChecked())) {
    await fac.locator('#setup-hide').check();
    await clickButton(fac, 'Speichern');
  }
  await clickButton(fac, 'Sitzung starten');
  await expectAccessible(fac, 'workshop, first step');
  const code = (await fac.locator('.live-code strong').innerText()).trim();

  const bea = await joinSession(env, code, { name: 'Bea', keyboard: true, check: true });
  const cem = await joinSession(env, code, { name: 'Cem' });
  const dora = await joinSession(env, code, { options: PHONE_NO_JS });
  await expectAccessible(bea, 'room, first step');
  await expectAccessibleWithoutScript(dora, 'room at 360 px, first step');
  assert.ok(await phoneFits(dora), 'room: no sideways scroll at 360 px');

  // Step 1, the opening: a card on the question how everyone arrives.
  const arrive = steps[0].prompts[1].text.de;
  await addCard(bea, 'Neugierig, aber auch skeptisch', { column: arrive, keyboard: true });
  await addCard(cem, 'Ich hoffe auf weniger Tipparbeit', { column: arrive });
  await addCard(dora, 'Angst, dass Menschen ohne Smartphone außen vor bleiben', { column: arrive });
  assert.ok(await phoneFits(dora), 'a card at 360 px fits');

  // Step 2, the shared vision: a card on the red lines becomes one of the org's red lines.
  let heading = await nextStep(fac);
  assert.match(heading, new RegExp(steps[1].title.de));
  await cem.waitForFunction((h) => document.getElementById('live-step-heading')?.innerText === h,
    heading, { timeout: 10000 });
  await navigate(dora, () => dora.getByRole('link', { name: 'Aktualisieren' }).click());
  const redLines = steps[1].prompts[1].text.de;
  const goals = steps[1].prompts[2].text.de;
  await addCard(dora, RED_LINE, { column: redLines });
  await addCard(cem, 'Schneller antworten, ohne dass die Beratung leidet', { column: goals });
  await addCard(bea, 'Datensparsamkeit und Barrierefreiheit', { column: steps[1].prompts[0].text.de, keyboard: true });
  await fac.reload();
  await reveal(fac);
  await expectAccessible(fac, 'workshop, vision step revealed');
  await follow(fac, new RegExp(`Als rote Linie übernehmen: „${RED_LINE}`));
  assert.equal(await fac.locator('#red-line-text').inputValue(), RED_LINE, 'the red line form holds the card');
  await expectAccessible(fac, 'red lines with the card');
  await clickButton(fac, 'Rote Linie hinzufügen');
  // Saved, and back in the session (the facilitator's screen is the room's), with a notice.
  assert.equal(fac.url(), `${sessionUrl}?recorded=red_line`);
  assert.match(await fac.locator('.notice[role=status]').innerText(), /Die rote Linie ist gespeichert/);
  await fac.goto(`${env.server.url}/o/${ORG}/red-lines`);
  assert.match(await fac.locator('table').first().innerText(), new RegExp(RED_LINE));
  await fac.goto(sessionUrl);

  // Step 3, changing perspectives: a small group picks a persona and places it in a tool's risk matrix.
  heading = await nextStep(fac);
  assert.match(heading, new RegExp(steps[2].title.de));
  await bea.waitForFunction((h) => document.getElementById('live-step-heading')?.innerText === h,
    heading, { timeout: 10000 });
  const groups = steps[2].prompts[1].text.de;
  const groupCard = `Unsere Gruppe nimmt ${PERSONA}: Sie hat kein Smartphone und ruft lieber an`;
  await addCard(bea, groupCard, { column: groups, keyboard: true });
  await addCard(cem, 'Jana, 34, bucht abends vom Handy aus', { column: groups });
  await navigate(dora, () => dora.getByRole('link', { name: 'Aktualisieren' }).click());
  await addCard(dora, 'Wer hilft, wenn der Bot etwas falsch versteht?', { column: steps[2].prompts[3].text.de });
  await fac.reload();
  await reveal(fac);
  await expectAccessible(fac, 'workshop, perspective step');
  await follow(fac, `Persona in der Risiko-Matrix einordnen: ${TOOLS[0]}`);
  assert.match(fac.url(), new RegExp(`^${toolUrls[0]}/risks/new\\?session=\\d+$`));
  await expectAccessible(fac, 'risk form from the workshop');
  await fac.getByLabel(/Was kann passieren/).fill('Wer kein Smartphone hat, bekommt keinen Termin mehr.');
  await fac.getByRole('checkbox', { name: new RegExp(`^${PERSONA}`) }).check();
  await fac.getByRole('group', { name: 'Nutzende oder Nicht-Nutzende' }).getByLabel('Nicht-Nutzende', { exact: true }).check();
  await fac.getByRole('group', { name: 'Wahrscheinlichkeit' }).getByLabel('Hoch', { exact: true }).check();
  await fac.getByRole('group', { name: 'Auswirkung' }).getByLabel('Hoch', { exact: true }).check();
  await clickButton(fac, 'Risiko speichern');
  assert.equal(fac.url(), `${sessionUrl}?recorded=risk`, 'back in the session');
  assert.match(await fac.locator('.notice[role=status]').innerText(), /Das Risiko ist in der Risiko-Matrix/);
  await fac.goto(`${toolUrls[0]}/risks`);
  await expectAccessible(fac, 'the tool\'s matrix');
  const matrix = fac.getByRole('table', { name: new RegExp(`Risiko-Matrix: ${TOOLS[0]}`) });
  const highHigh = matrix.getByRole('row', { name: /Wahrscheinlichkeit: Hoch/ }).getByRole('cell').nth(2);
  assert.match(await highHigh.innerText(), new RegExp(`${PERSONA} \\(Nicht-Nutzende\\)`),
    'the persona sits in the high/high cell of the tool\'s matrix');
  await fac.goto(sessionUrl);

  // Dots: everyone votes; Dora (no JavaScript) up to the budget and past it, Bea by keyboard.
  await navigate(dora, () => dora.getByRole('link', { name: 'Aktualisieren' }).click());
  const budget = Number((await dora.locator('#live-budget').innerText()).match(/von (\d+) Punkten/)[1]);
  const voteOn = async (page, text) => {
    const card = page.locator('.live-card', { has: page.locator('.live-card-text', { hasText: text }) }).first();
    await navigate(page, () => card.getByRole('button', { name: 'Punkt geben' }).click());
  };
  for (let i = 0; i < budget; i += 1) await voteOn(dora, groupCard);
  assert.match(await dora.locator('#live-budget').innerText(), new RegExp(`noch 0 von ${budget} Punkten`));
  await voteOn(dora, groupCard);
  assert.match(await dora.locator('.live-card [role=alert]').innerText(), /alle Ihre Punkte vergeben/);
  await expectAccessibleWithoutScript(dora, 'room at 360 px past the budget');
  assert.ok(await phoneFits(dora), 'the budget message fits 360 px');
  const beaCard = bea.locator('.live-card', { has: bea.locator('.live-card-text', { hasText: groupCard }) }).first();
  const beaVote = await beaCard.getByRole('button', { name: 'Punkt geben' }).getAttribute('id');
  await tabTo(bea, beaVote);
  await navigate(bea, () => bea.keyboard.press('Enter'));
  await voteOn(cem, groupCard);
  await fac.reload();
  const facCard = fac.locator('.live-card', { has: fac.locator('.live-card-text', { hasText: groupCard }) }).first();
  assert.match(await facCard.locator('.live-votes').innerText(), new RegExp(`${budget + 2} Punkte`));

  // Step 4: the reflection questions, discussed again.
  heading = await nextStep(fac);
  assert.match(heading, new RegExp(steps[3].title.de.replace(/[()]/g, '.')));
  await cem.waitForFunction((h) => document.getElementById('live-step-heading')?.innerText === h,
    heading, { timeout: 10000 });
  const shown = await cem.locator('.live-prompts li').allInnerTexts();
  assert.ok(steps[3].questions.length >= 5, 'the selection phase\'s reflection questions');
  assert.deepEqual(shown, steps[3].questions, 'step 4 shows the reflection questions it refers to');
  await addCard(cem, 'Der Termin-Bot passt, wenn das Telefon bleibt');

  // Step 5, the last: the decisions, non-use included.
  heading = await nextStep(fac);
  assert.match(heading, new RegExp(steps[4].title.de));
  assert.equal(await fac.getByRole('button', { name: /^Weiter:/ }).count(), 0, 'the last step');
  assert.match(await fac.locator('.live-controls').innerText(), /Bewusst nicht nutzen/, 'non-use is named');
  await expectAccessible(fac, 'workshop, last step');
  await follow(fac, `Entscheidung festhalten: ${TOOLS[0]}`);
  await expectAccessible(fac, 'decide from the workshop');
  assert.match(await fac.locator('#decide-rationale').inputValue(), /Workshop/);
  await decide(fac, 'Erproben', { confirmRedLine: true });
  assert.equal(fac.url(), `${sessionUrl}?recorded=decision`, 'back in the session');
  assert.match(await fac.locator('.notice[role=status]').innerText(), /Die Entscheidung ist im KI-Register/);
  await fac.goto(toolUrls[0]);
  assert.match(await fac.locator('main').innerText(), /Erprobung/, 'the tool is in its pilot now');
  for (const name of TOOLS.slice(1)) {
    await fac.goto(sessionUrl);
    await follow(fac, `Entscheidung festhalten: ${name}`);
    await decide(fac, 'Bewusst nicht nutzen');
  }
  await fac.goto(`${env.server.url}/o/${ORG}/non-use`);
  const notUsed = await fac.locator('main h2').allInnerTexts();
  assert.deepEqual(notUsed.sort(), TOOLS.slice(1).sort(), 'the two others are not used, by decision');

  await fac.goto(sessionUrl);
  await fac.locator('#end-confirm').check();
  await clickButton(fac, 'Sitzung beenden');
  await expectAccessible(fac, 'workshop, ended');
  await bea.locator('text=Diese Sitzung ist beendet').first().waitFor({ timeout: 10000 });
  await navigate(dora, () => dora.getByRole('link', { name: 'Aktualisieren' }).click());
  assert.match(await dora.locator('main').innerText(), /Diese Sitzung ist beendet/);
  await expectAccessibleWithoutScript(dora, 'room at 360 px, ended');
  const md = await (await fac.request.get(`${sessionUrl}/report.md`)).text();
  for (const text of [RED_LINE, groupCard, steps[2].title.de]) assert.ok(md.includes(text), `the report holds "${text}"`);
  // The decisions of the last step are in the report: Markdown, the printable page and JSON.
  assert.ok(md.includes('\n## Entscheidungen\n'), 'the report has its decisions');
  assert.ok(md.includes(`**${TOOLS[0]}:** Erproben`), `${TOOLS[0]}'s pilot in the report`);
  for (const name of TOOLS.slice(1)) assert.ok(md.includes(`**${name}:** Bewusst nicht nutzen`), `${name}'s non-use in the report`);
  const page = await fac.locator('#report').locator('..').innerText();
  assert.match(page, new RegExp(`${TOOLS[0]}: Erproben`), 'the ended page lists the decisions');
  const data = await (await fac.request.get(`${sessionUrl}/report.json`)).json();
  assert.deepEqual(data.decisions.map((d) => `${d.tool} ${d.kind}`).sort(),
    [`${TOOLS[0]} pilot`, `${TOOLS[1]} reject`, `${TOOLS[2]} reject`].sort());
  for (const p of [fac, bea, cem, dora]) await p.context().close();
});

test('a workshop that decides to use none of its tools', async () => {
  const fac = await signedIn(env, ADA, ORG, DESKTOP);
  const tools = ['Text-Generator', 'Bild-Generator'];
  const urls = [];
  for (const name of tools) urls.push(await makeTool(env, fac, ORG, name));
  for (const url of urls) await toSelection(fac, url);
  const sessionUrl = await prepareWorkshop(fac, tools);
  // Switching the language while preparing keeps what was typed (unsaved), and back again.
  const title = 'Brauchen wir überhaupt ein KI-Werkzeug?';
  await fac.locator('#setup-title').fill(title);
  await navigate(fac, () => fac.getByRole('button', { name: 'English' }).click());
  assert.equal(await fac.getAttribute('html', 'lang'), 'en');
  assert.equal(await fac.locator('#setup-title').inputValue(), title, 'the title typed survives the switch');
  await navigate(fac, () => fac.getByRole('button', { name: 'Deutsch' }).click());
  assert.equal(await fac.locator('#setup-title').inputValue(), title);
  await clickButton(fac, 'Speichern');
  await clickButton(fac, 'Sitzung starten');
  assert.equal(await fac.locator('h1').innerText(), title);
  const code = (await fac.locator('.live-code strong').innerText()).trim();

  // The QR code says in words where it leads and spells the code; a projector
  // view shows code and QR code large, without JavaScript.
  const plain = code.replace('-', '');
  const alt = await fac.locator('.live-join img').getAttribute('alt');
  assert.ok(alt.includes(`${env.server.url}/join/${plain}`), `the QR code's alt names the address: ${alt}`);
  assert.ok(alt.includes(plain.split('').join(' ')), `the QR code's alt spells the code: ${alt}`);
  const beamer = await signedIn(env, ADA, ORG, { viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
  await beamer.goto(sessionUrl);
  const large = beamer.locator('#live-large');
  assert.equal(await large.isVisible(), false, 'the large view waits for its link');
  await navigate(beamer, () => beamer.getByRole('link', { name: /Code und QR-Code groß zeigen/ }).click());
  assert.equal(await large.isVisible(), true, 'the large view shows without JavaScript');
  assert.ok((await large.locator('.live-large-code').innerText()).endsWith(code), 'the code, large');
  const size = await large.evaluate((e) => ({
    code: parseFloat(getComputedStyle(e.querySelector('.live-large-code')).fontSize),
    qr: e.querySelector('img').getBoundingClientRect(),
    where: e.querySelector('.live-large-where').textContent,
  }));
  assert.ok(size.code >= 80, `the code is large (${size.code} px)`);
  assert.ok(size.qr.width >= 400 && size.qr.bottom <= 720, `the QR code is large and on the screen (${size.qr.width} px)`);
  assert.equal(size.where, `${env.server.url}/join`);
  await expectAccessibleWithoutScript(beamer, 'the large join view');
  await navigate(beamer, () => beamer.getByRole('link', { name: 'Zurück zur Moderation' }).click());
  assert.equal(await large.isVisible(), false, 'back to the facilitator page');
  await beamer.context().close();
  const eve = await joinSession(env, code, { options: PHONE_NO_JS });
  // A card written by mistake, deleted again (360 px, no JavaScript): gone, and the column says so.
  const oops = 'Aus Versehen abgeschickt';
  await addCard(eve, oops);
  const mine = eve.locator('.live-card-mine', { hasText: oops });
  await mine.locator('summary', { hasText: 'Löschen' }).click();
  assert.match(await mine.innerText(), /wirklich löschen/);
  await navigate(eve, () => mine.getByRole('button', { name: 'Ja, Karte löschen' }).click());
  assert.equal(await eve.getByText(oops).count(), 0, 'the deleted card is gone');
  assert.match(await eve.locator('.live-step').innerText(), /Noch keine Karten/);
  await expectAccessibleWithoutScript(eve, 'room at 360 px after deleting a card');
  // Switching to English while writing a card keeps the text, unsaved; she sends it in English.
  const draft = 'Wir brauchen erst mehr Zeit für die Beratung, kein neues Tool';
  await eve.locator('#live-add-text').fill(draft);
  await navigate(eve, () => eve.getByRole('button', { name: 'English' }).click());
  assert.equal(await eve.getAttribute('html', 'lang'), 'en');
  assert.equal(await eve.locator('#live-add-text').inputValue(), draft, 'the card typed survives the switch');
  assert.equal(await eve.locator('.live-card-text', { hasText: draft }).count(), 0, 'not sent by the switch');
  await navigate(eve, () => eve.getByRole('button', { name: 'Add the card', exact: true }).click());
  await eve.locator('.live-card-text', { hasText: draft }).waitFor();
  assert.match(await eve.locator('.live-step').innerText(), /Your card/);
  await expectAccessibleWithoutScript(eve, 'room in English at 360 px');
  while (await fac.getByRole('button', { name: /^Weiter:/ }).count()) await nextStep(fac);
  for (const name of tools) {
    await follow(fac, `Entscheidung festhalten: ${name}`);
    await decide(fac, 'Bewusst nicht nutzen');
    await fac.goto(sessionUrl);
  }
  await fac.goto(`${env.server.url}/o/${ORG}/non-use`);
  await expectAccessible(fac, 'non-use after the workshop');
  const list = await fac.locator('main h2').allInnerTexts();
  for (const name of tools) assert.ok(list.includes(name), `${name} is not used, by decision`);
  await fac.goto(sessionUrl);
  await fac.locator('#end-confirm').check();
  await clickButton(fac, 'Sitzung beenden');
  assert.equal(await fac.locator('#report').count(), 1);
  const md = await (await fac.request.get(`${sessionUrl}/report.md`)).text();
  for (const name of tools) assert.ok(md.includes(`**${name}:** Bewusst nicht nutzen`), `${name}'s non-use in the report`);
  for (const p of [fac, eve]) await p.context().close();
});
