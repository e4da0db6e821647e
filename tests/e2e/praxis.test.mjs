// The Praxis (practice catalog) pages in a real browser: axe-core finds 0 violations in German
// and English, one h1 each, the search works without JavaScript, and print hides navigation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, describeViolations, newContext, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();

const pages = [
  '/praxis',
  '/praxis/phase/1',
  '/praxis/phase/2',
  '/praxis/phase/3',
  '/praxis/phase/4',
  '/praxis/principles',
  '/praxis/methods',
  '/praxis/search',
  '/praxis/search?q=Tarot',
  '/praxis/search?q=Transparenz&phase=2&kind=question',
];

for (const path of pages) {
  for (const locale of ['de-DE', 'en-GB']) {
    test(`${path} (${locale}) is accessible`, async () => {
      const context = await newContext(env.browser, { locale });
      const page = await context.newPage();
      const res = await page.goto(env.server.url + path);
      assert.equal(res.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), locale.slice(0, 2));
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await context.close();
    });
  }
}

test('search works without JavaScript and marks the match', async () => {
  const context = await newContext(env.browser, { locale: 'de-DE', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/praxis/search');
  await page.fill('#search-q', 'Fürsorge');
  await Promise.all([page.waitForNavigation(), page.click('.praxis-search-form button[type=submit]')]);
  assert.match(page.url(), /\/praxis\/search\?q=F%C3%BCrsorge/);
  assert.equal(await page.locator('.praxis-results mark').first().textContent(), 'Fürsorge');
  await page.locator('.praxis-results a').first().click();
  await page.waitForURL(/\/praxis\/phase\/3#q\.deployment\.01$/);
  await context.close();
});

test('print hides the navigation and keeps the content', async () => {
  const context = await newContext(env.browser, { locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(env.server.url + '/praxis/methods');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.praxis-nav').isVisible(), false);
  // The header has the navigation twice (the phone menu and the wide bar): print shows neither.
  for (const nav of await page.locator('.site-nav').all()) assert.equal(await nav.isVisible(), false);
  assert.equal(await page.locator('#m\\.team-retro').isVisible(), true);
  await context.close();
});
