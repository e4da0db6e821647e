// The participants' side of a live session in a real browser (issue 25), as far
// as it goes without a session: /join at 360 px with the keyboard, a wrong code
// answered with the form and a clear message, axe 0 on both. The room itself
// (two participants, reveal, live and reload) needs a session the facilitator's
// pages create; it follows when those land.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, navigate, newContext, useServerAndBrowser } from './lib.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true };
const env = useServerAndBrowser();

test('/join at 360 px: typed with the keyboard, a wrong code says so, axe 0', async () => {
  const context = await newContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/join`);
  await expectAccessible(page, '/join');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  await page.locator('#join-code').focus();
  await page.keyboard.type('abcd efgh');
  const res = await navigate(page, () => page.keyboard.press('Enter'));
  assert.equal(res.status(), 404);
  assert.match(await page.locator('.alert').innerText(), /Zu diesem Code gibt es keine Sitzung/);
  assert.equal(await page.locator('#join-code').inputValue(), 'abcd efgh', 'what was typed stays');
  await expectAccessible(page, '/join with an unknown code');
  await context.close();
});
