// Every page a visitor can reach passes the W3C Nu Html Checker (vnu.jar from npm
// vnu-jar, on Debian's Java) without an error and without a warning: the crawler
// (crawl.mjs) walks the site signed out (German and English), as the owner and as a
// plain member; every form it finds is posted once emptied and once filled in (the
// answers to a form post: validation messages, results, the page after a redirect);
// and the error pages (404, 403 for a missing CSRF token, 400 for a bad query, a
// failed sign-in) are fetched on purpose. All pages go to one run of vnu.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import vnuJar from 'vnu-jar';
import { crawl } from './crawl.mjs';
import { Client, MEMBER, OWNER, seededSite } from './site.mjs';

const kSample = 'Die Mitarbeiter sollen den Kunden schnell helfen. Schreib einen Brief.';
const kTextTypes = new Set(['text', 'email', 'password', 'textarea', 'url', 'search', 'number', 'date']);
// Forms that end the session or remove something: posting them would end the crawl's world.
const kDestructive = /\/(logout|delete|remove|revoke)\b/;

let site;
let dir;
const pages = new Map();  // file name -> { url, status, who }

function keepAs(who) {
  return ({ url, status, text }) => {
    const name = `${String(pages.size).padStart(4, '0')}.html`;
    writeFileSync(path.join(dir, name), text);
    pages.set(name, { url, status, who });
  };
}

function filledValue(field) {
  switch (field.type) {
    case 'email': return 'neu@example.org';
    case 'password': return 'falsches-passwort-123';
    case 'url': return 'https://example.org/';
    case 'number': return '3';
    case 'date': return field.value || '2031-01-15';
    default: return field.value || kSample;
  }
}

// Posts (or, for GET forms, submits) each form twice: emptied and filled in.
async function submitForms(client, formList, keep) {
  for (const form of formList) {
    if (kDestructive.test(form.action)) continue;
    const visible = form.fields.filter((f) => kTextTypes.has(f.type));
    if (form.method === 'POST' && !visible.length) continue;  // a button: its target page is crawled
    for (const mode of ['empty', 'filled']) {
      const values = {};
      for (const f of form.fields) {
        if (f.name === 'csrf_token') continue;
        values[f.name] = !kTextTypes.has(f.type) ? f.value : mode === 'empty' ? '' : filledValue(f);
      }
      let res;
      if (form.method === 'GET') {
        const target = `${form.action}${form.action.includes('?') ? '&' : '?'}${new URLSearchParams(values)}`;
        res = await client.get(target);
        res.url = target;
      } else {
        await client.get(form.page);  // a fresh CSRF token from the page that holds the form
        res = await client.post(form.action, values);
        res.url = `POST ${form.action} (${mode})`;
      }
      if (res.type.startsWith('text/html')) keep({ url: res.url, status: res.status, text: res.text });
    }
  }
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'solipraxis-vnu-'));
  site = await seededSite();
  const base = site.server.url;
  const publicStarts = ['/', '/login', '/praxis', `/p/${OWNER.org}/register`];

  for (const lang of ['de', 'en']) {
    const anon = new Client(base, lang);
    const forms = await crawl(anon, publicStarts, keepAs(`anonymous ${lang}`));
    await submitForms(anon, forms.filter((f) => !f.action.startsWith('/login')), keepAs(`anonymous ${lang}`));
    const keep = keepAs(`anonymous ${lang}`);
    for (const target of ['/gibt-es-nicht', '/praxis/search?q=%ZZ', `/o/${OWNER.org}`]) {
      const res = await anon.get(target);
      if (res.type.startsWith('text/html')) keep({ url: target, status: res.status, text: res.text });
    }
    await anon.get('/login');
    const failed = await anon.post('/login', { email: OWNER.email, password: 'falsch-falsch-falsch' });
    keep({ url: 'POST /login (wrong password)', status: failed.status, text: failed.text });
    const forged = await anon.request('POST', '/login', { form: { email: OWNER.email, password: 'x' } });
    keep({ url: 'POST /login (no CSRF token)', status: forged.status, text: forged.text });
  }

  const owner = new Client(base);
  await owner.signIn(OWNER);
  const ownerKeep = keepAs('owner');
  const ownerForms = await crawl(owner, ['/', '/account', `/o/${OWNER.org}`], ownerKeep, { limit: 500 });
  await submitForms(owner, ownerForms, ownerKeep);
  for (const target of ['/gibt-es-nicht', '/o/andere', `/o/${OWNER.org}/tools/999999`]) {
    const res = await owner.get(target);
    ownerKeep({ url: target, status: res.status, text: res.text });
  }
  const forged = await owner.request('POST', `/o/${OWNER.org}/red-lines`, { form: { text: 'x', csrf_token: 'falsch' } });
  ownerKeep({ url: 'POST red-lines (wrong CSRF token)', status: forged.status, text: forged.text });

  const member = new Client(base);
  await member.signIn(MEMBER);
  const memberKeep = keepAs('member');
  await crawl(member, [`/o/${OWNER.org}`], memberKeep, { limit: 150 });
  const audit = await member.get(`/o/${OWNER.org}/audit`);
  memberKeep({ url: 'member on the audit log', status: audit.status, text: audit.text });
});

after(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the crawler reaches every area, signed out and in, and the error pages', () => {
  const reached = (who, pattern) => [...pages.values()].some((p) => p.who.startsWith(who) && pattern.test(p.url));
  const want = [
    ['anonymous de', /^\/praxis\/phase\/\d/], ['anonymous en', /^\/p\/verein\/register$/],
    ['anonymous', /^\/login$/], ['owner', /^\/o\/verein\/tools\/\d+$/], ['owner', /\/tools\/\d+\/decide$/],
    ['owner', /\/werkstatt$/], ['owner', /\/werkstatt\/settings$/], ['owner', /\/red-lines$/],
    ['owner', /\/members$/], ['owner', /\/audit$/], ['owner', /\/praxis\/edit$/], ['owner', /\/reviews$/],
    ['owner', /^\/account$/], ['owner', /^POST \/o\/verein\/werkstatt\/check \(filled\)$/],
    ['owner', /^POST \/o\/verein\/tools \(empty\)$/], ['member', /^\/o\/verein\/tools$/],
    ['owner', /\/tools\/\d+\/risks$/], ['owner', /\/tools\/\d+\/risks\/new$/], ['owner', /^\/o\/verein\/risks\/\d+$/],
    ['owner', /^\/o\/verein\/risks\/\d+\/edit$/], ['owner', /^POST \/o\/verein\/tools\/\d+\/risks \(empty\)$/],
    ['member', /^\/o\/verein\/risks$/],
  ];
  for (const [who, pattern] of want) assert.ok(reached(who, pattern), `${who} never reached ${pattern}`);
  const statuses = new Set([...pages.values()].map((p) => p.status));
  for (const s of [200, 400, 403, 404]) assert.ok(statuses.has(s), `no page answered ${s}`);
  assert.ok(pages.size > 100, `only ${pages.size} pages`);
});

test('every page passes the Nu Html Checker without errors or warnings', () => {
  const res = spawnSync('java', ['-Xss2m', '-jar', vnuJar, '--format', 'json', '--Werror', dir],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(res.stderr.trim().startsWith('{'), `vnu did not run: ${res.error ?? ''} ${res.stderr.slice(0, 2000)}`);
  const { messages } = JSON.parse(res.stderr);
  const described = messages.map((m) => {
    const page = pages.get(path.basename(decodeURIComponent(m.url ?? '')));
    const where = page ? `${page.who} ${page.url} (${page.status})` : m.url;
    return `${m.type}${m.subType ? `/${m.subType}` : ''} ${where} line ${m.lastLine}: ${m.message}\n    ${(m.extract ?? '').trim()}`;
  });
  assert.deepEqual(described, [], `${described.length} messages on ${pages.size} pages:\n${described.join('\n')}`);
  assert.equal(res.status, 0, 'vnu exits 0');
});
