// Personas in a real browser (issue 24): with the keyboard alone an editor
// creates a persona who cannot use the tool, attaches it to a tool and reads
// the coverage check, and every page on the way passes axe (also the form with
// its errors and the delete confirmation); on a 360 px phone without
// JavaScript the examples are copied and attached by plain form posts, and
// nothing scrolls sideways.
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

const gaps = (page) => page.locator('#coverage-gaps li').allInnerTexts();

async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what}: ${width} px wide at 360 px`);
}

test('keyboard only: create a persona who cannot use the tool, attach it, read the coverage; axe 0', async () => {
  const page = await signedIn(env, ADA, ORG);
  const toolUrl = await makeTool(env, page, ORG, 'Termin-Bot');

  await page.goto(`${env.server.url}/o/${ORG}`);
  await press(page, 'Personas');
  assert.match(await page.locator('main').innerText(), /noch keine Personas/);
  await expectAccessible(page, 'empty library with the examples');
  await press(page, 'Neue Persona anlegen');
  await expectAccessible(page, 'new persona form');

  // Sent without a name: the problem stands next to the field, the input stays.
  await tabTo(page, 'persona-age');
  await page.keyboard.type('achtzig');
  await press(page, 'Persona anlegen');
  assert.match(await page.locator('#persona-name-error').innerText(), /Namen/);
  assert.equal(await page.locator('#persona-age').inputValue(), 'achtzig');
  await expectAccessible(page, 'form with errors');

  await tabTo(page, 'persona-name');
  await page.keyboard.type('Hanne, 81');
  await tabTo(page, 'persona-age');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('81');
  await tabTo(page, 'persona-language-tr');
  await page.keyboard.press('Space');
  await tabTo(page, 'persona-use');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');  // ... kann nicht
  assert.equal(await page.locator('#persona-use').inputValue(), 'cannot');
  await press(page, 'Persona anlegen');
  assert.equal(await page.locator('h1').innerText(), 'Hanne, 81');
  assert.match(await page.locator('main').innerText(), /kann nicht/);
  assert.match(await page.locator('main').innerText(), /Sprachen\s+Türkisch/);
  await expectAccessible(page, 'persona page');

  await page.goto(toolUrl);
  await expectAccessible(page, 'tool page with the personas section');
  assert.match(await page.locator('main').innerText(), /Zugeordnete Personas: 0/);
  await press(page, 'Personas und Abdeckung ansehen');
  assert.deepEqual(await gaps(page), ['Diesem Werkzeug ist noch keine Persona zugeordnet.']);
  assert.match(await page.locator('main').innerText(), /ersetzen keine echte Beteiligung/);
  await expectAccessible(page, "tool's personas, none attached");
  await tabTo(page, 'tool-persona');
  await press(page, 'Zuordnen');
  assert.match(await page.locator('[role=status]').innerText(), /zugeordnet/);
  const now = await gaps(page);
  assert.ok(!now.includes('Niemand, der das Werkzeug nicht nutzen kann.'), now.join(' | '));
  assert.ok(now.includes('Niemand unter 25.'), now.join(' | '));
  await expectAccessible(page, "tool's personas with the coverage gaps");

  await page.goto(`${env.server.url}/o/${ORG}/personas`);
  await press(page, 'Hanne, 81');
  await press(page, 'Bearbeiten: Hanne, 81');
  await expectAccessible(page, 'edit form');
  await page.goBack();
  await press(page, 'Löschen: Hanne, 81');
  await expectAccessible(page, 'delete confirmation');
  await page.context().close();
});

test('360 px without JavaScript: copy examples, attach one, read the gaps; nothing scrolls sideways', async () => {
  const page = await signedIn(env, ADA, ORG, PHONE);
  const toolUrl = await makeTool(env, page, ORG, 'Übersetzungsassistenzwerkzeug');
  await page.goto(`${env.server.url}/o/${ORG}/personas`);
  await fitsPhone(page, 'library');
  await page.locator('#persona-example-ex-erika').check();
  await page.locator('#persona-example-ex-guenter').check();
  await navigate(page, () => page.getByRole('button', { name: 'Ausgewählte Beispiele übernehmen' }).click());
  assert.match(await page.locator('[role=status]').innerText(), /in Ihrer Bibliothek/);
  assert.ok((await page.locator('main').innerText()).includes('schon übernommen'));
  await fitsPhone(page, 'library with copies');
  await page.goto(`${env.server.url}/o/${ORG}/personas/new`);
  await fitsPhone(page, 'new persona form');

  await page.goto(`${toolUrl}/personas`);
  await fitsPhone(page, "tool's personas");
  const erika = await page.locator('#tool-persona option', { hasText: 'Erika, 78' }).first().getAttribute('value');
  await page.locator('#tool-persona').selectOption(erika);
  await navigate(page, () => page.getByRole('button', { name: 'Zuordnen' }).click());
  const attached = page.locator('section[aria-labelledby="tool-personas-attached"]');
  assert.match(await attached.innerText(), /Erika, 78/);
  const now = await gaps(page);
  assert.ok(!now.includes('Niemand ohne Smartphone.'), 'Erika has no device');
  assert.ok(now.includes('Niemand unter 25.'));
  await fitsPhone(page, "tool's personas with one attached");
  await page.context().close();
});
