// An organisation's own practice catalog in a real browser: axe-core finds 0 violations on
// every new page (German and English), the forms work without JavaScript and by keyboard
// (add, move, hide, edit, delete with confirmation), and print hides the editing controls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible, navigate, newContext, useServerAndBrowser,
} from './lib.mjs';

const owner = {
  email: 'eda@example.org', password: 'ein-langes-passwort-1', name: 'Eda', org: 'verein',
  orgName: 'Verein',
};
const env = useServerAndBrowser({ owner });

async function signedIn(options = {}) {
  const context = await newContext(env.browser, options);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/login`);
  await page.getByLabel(/E-Mail/i).fill(owner.email);
  await page.getByLabel(/Passwort/i).fill(owner.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.keyboard.press('Enter'),
  ]);
  return { context, page };
}

// waitForURL(() => true) would return at once: the current URL matches too.
async function submit(page, locator) {
  await navigate(page, () => locator.click());
}

test('add, find, move, hide and delete without JavaScript', async () => {
  const { context, page } = await signedIn({ javaScriptEnabled: false });
  await page.goto(`${env.server.url}/o/verein`);
  await submit(page, page.getByRole('link', { name: 'Unser Praxiskatalog' }));
  assert.match(page.url(), /\/o\/verein\/praxis$/);
  await submit(page, page.getByRole('link', { name: 'Katalog bearbeiten' }));

  // An empty German text is refused with a message; the English text stays.
  await page.selectOption('#entry-phase', '2');
  await page.fill('#entry-text-en', 'Whom do we ask in the neighbourhood council?');
  await submit(page, page.getByRole('button', { name: 'Eintrag hinzufügen' }));
  assert.match(await page.locator('[role=alert]').textContent(), /deutsche Text fehlt/);
  assert.equal(await page.inputValue('#entry-text-en'), 'Whom do we ask in the neighbourhood council?');

  await page.fill('#entry-text-de', 'Wen fragen wir im Quartiersrat?');
  await submit(page, page.getByRole('button', { name: 'Eintrag hinzufügen' }));
  assert.match(await page.locator('[role=status]').textContent(), /hinzugefügt/);

  // Members find it, marked as their own, with the match highlighted.
  await page.goto(`${env.server.url}/o/verein/praxis?q=quartiersrat`);
  assert.equal(await page.locator('.praxis-results mark').first().textContent(), 'Quartiersrat');
  assert.match(await page.locator('.praxis-results').textContent(), /Eigener Eintrag/);

  // Hide a catalog question: gone from the org's page, still in the public catalog.
  await page.goto(`${env.server.url}/o/verein/praxis/edit`);
  await submit(page, page.locator('#row-q\\.development\\.01').getByRole('button', { name: /Ausblenden/ }));
  await page.goto(`${env.server.url}/o/verein/praxis`);
  assert.equal(await page.locator('#q\\.development\\.01').count(), 0);
  await page.goto(`${env.server.url}/praxis/phase/1`);
  assert.equal(await page.locator('#q\\.development\\.01').count(), 1);

  // Delete asks first.
  await page.goto(`${env.server.url}/o/verein/praxis/edit`);
  await submit(page, page.locator('.table').first().getByRole('link', { name: /Löschen/ }));
  assert.match(await page.locator('h1').textContent(), /löschen/);
  await submit(page, page.getByRole('button', { name: 'Ja, löschen' }));
  assert.match(await page.locator('[role=status]').textContent(), /gelöscht/);
  await context.close();
});

test('move works by keyboard', async () => {
  const { context, page } = await signedIn();
  await page.goto(`${env.server.url}/o/verein/praxis/edit`);
  const down = page.locator('#row-q\\.development\\.02').getByRole('button', { name: /Nach unten/ });
  await down.focus();
  await Promise.all([page.waitForURL(/saved=moved/), page.keyboard.press('Enter')]);
  await page.goto(`${env.server.url}/o/verein/praxis`);
  const ids = await page.locator('section:has(#org-phase-1) li').evaluateAll(
    (els) => els.map((e) => e.id));
  assert.ok(ids.indexOf('q.development.03') < ids.indexOf('q.development.02'), ids.join(' '));
  await context.close();
});

const pages = (entry) => [
  '/o/verein/praxis',
  '/o/verein/praxis?q=Tarot',
  '/o/verein/praxis?q=nichtsdergleichen',
  '/o/verein/praxis/edit',
  `/o/verein/praxis/entries/${entry}/edit`,
  `/o/verein/praxis/entries/${entry}/delete`,
  '/praxis/search?q=Model+Cards',
];

test('every new page is accessible in German and English', async () => {
  const { context, page } = await signedIn();
  // One own resource so that the entry pages exist.
  await page.goto(`${env.server.url}/o/verein/praxis/edit`);
  await page.selectOption('#entry-kind', 'resource');
  await page.fill('#entry-text-de', 'Unsere Checkliste für Datenschutz');
  await page.fill('#entry-title-de', 'Checkliste');
  await page.fill('#entry-url', 'https://example.org/checkliste');
  await submit(page, page.getByRole('button', { name: 'Eintrag hinzufügen' }));
  const href = await page.locator('.table').first().getByRole('link', { name: /Bearbeiten/ }).getAttribute('href');
  const entry = href.match(/entries\/(\d+)\/edit/)[1];
  for (const lang of ['de', 'en']) {
    await page.goto(`${env.server.url}/lang?to=${lang}&back=/`);
    for (const path of pages(entry)) {
      const res = await page.goto(env.server.url + path);
      assert.equal(res.status(), 200, path);
      await expectAccessible(page, `${path} (${lang})`);
    }
  }
  await context.close();
});

test('print hides the editing controls', async () => {
  const { context, page } = await signedIn();
  await page.goto(`${env.server.url}/o/verein/praxis/edit`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.org-praxis-add').isVisible(), false);
  assert.equal(await page.locator('.org-praxis-actions').first().isVisible(), false);
  await page.goto(`${env.server.url}/o/verein/praxis`);
  assert.equal(await page.locator('.praxis-search-form').isVisible(), false);
  assert.equal(await page.locator('#org-phase-1').isVisible(), true);
  await context.close();
});
