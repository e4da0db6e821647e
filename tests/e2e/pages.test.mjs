// Every public page: axe-core reports 0 violations, the page has a language,
// one h1, and a keyboard user reaches the skip link first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, describeViolations, newContext, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();

const publicPages = [
  { path: '/', status: 200 },
  { path: '/gibt-es-nicht', status: 404 },
];

for (const { path, status } of publicPages) {
  for (const locale of ['de-DE', 'en-GB']) {
    test(`${path} (${locale}) is accessible`, async () => {
      const context = await newContext(env.browser, { locale });
      const page = await context.newPage();
      const res = await page.goto(env.server.url + path);
      assert.equal(res.status(), status);
      const lang = await page.getAttribute('html', 'lang');
      assert.equal(lang, locale.slice(0, 2));
      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        href: document.activeElement?.getAttribute('href') ?? '',
        text: document.activeElement?.textContent?.trim() ?? '',
      }));
      assert.match(focused.href, /^#/, 'the first Tab reaches the skip link');
      assert.match(focused.text, /Inhalt|content/i, 'the skip link says where it goes');
      await context.close();
    });
  }
}
