// A seeded solipraxis site for the standards checks: the real server (tests/e2e/server.mjs)
// with an org whose owner is signed in through the real form, a second member, an API
// token, and content in every area the pages show (tools in several phases, public ones
// for the register, a red line, a non-use decision, an own catalog entry, an invitation).
// Client is a cookie jar over fetch that keeps the CSRF token of the last page it read.
import assert from 'node:assert/strict';
import { createOwner, startServer } from '../e2e/server.mjs';

export const OWNER = {
  email: 'vorstand@example.org', password: 'ein-langes-passwort-1', name: 'Vorstand',
  org: 'verein', orgName: 'Beratungsverein',
};
export const MEMBER = { email: 'team@example.org', password: 'ein-langes-passwort-2', name: 'Team' };

export class Client {
  constructor(base, lang = 'de') {
    this.base = base;
    this.lang = lang;
    this.cookies = new Map();
    this.csrf = '';
  }

  // One request, redirects not followed. Returns { status, type, location, text }.
  async request(method, target, { form, json, headers = {} } = {}) {
    const h = { 'Accept-Language': this.lang, ...headers };
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      h['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    } else if (json !== undefined) {
      h['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const res = await fetch(new URL(target, this.base), { method, headers: h, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const token = /name="csrf_token" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1];
    return {
      status: res.status, type: res.headers.get('content-type') ?? '',
      location: res.headers.get('location') ?? '', text,
    };
  }

  get(target) { return this.request('GET', target); }

  // Posts a form with this session's CSRF token; follows one 303 like a browser.
  async post(target, fields, { follow = true } = {}) {
    const res = await this.request('POST', target, { form: { csrf_token: this.csrf, ...fields } });
    if (follow && res.status === 303 && res.location) return this.get(res.location);
    return res;
  }

  async signIn({ email, password }) {
    await this.get('/login');
    const res = await this.request('POST', '/login', { form: { csrf_token: this.csrf, email, password } });
    assert.equal(res.status, 303, `sign-in of ${email} failed: ${res.status}`);
  }
}

// Calls the JSON API with a Bearer token; fails the test unless the answer is 2xx.
async function api(server, token, method, target, json) {
  const res = await fetch(server.url + target, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${target}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// Starts the server and fills it; returns { server, token, stop }.
export async function seededSite() {
  const server = await startServer();
  try {
    createOwner(server, OWNER);
    const member = server.cli(['user', 'create', '--email', MEMBER.email, '--org', OWNER.org,
      '--name', MEMBER.name], `${MEMBER.password}\n`);
    assert.equal(member.code, 0, member.stderr);
    const created = server.cli(['token', 'create', '--email', OWNER.email]);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim().split('\n').at(-1);
    const org = `/api/v1/orgs/${OWNER.org}`;
    const call = (method, target, json) => api(server, token, method, org + target, json);

    const line = await call('POST', '/red-lines', { text: 'Keine Daten von Ratsuchenden an Anbieter außerhalb der EU.' });
    const tool = (fields) => call('POST', '/tools', {
      vendor: 'Beispiel gGmbH', purpose: 'Briefe verständlich machen', hosting: 'eu_cloud',
      openness: 'open_weights', personal_data: 'no', links: ['https://example.org/werkzeug'],
      human_oversight: 'Eine Beraterin liest jeden Text.', ...fields,
    });
    const decide = (t, kind, extra = {}) => call('POST', `/tools/${t.id}/decisions`, {
      kind, rationale: `Im Team abgewogen: ${kind}.`, principles: [{ principle: 3, how: 'Betroffene gefragt' }],
      ...extra,
    });
    const pilot = await tool({ name: 'Übersetzungshilfe', public: true, public_summary: 'Hilft beim Schreiben in einfacher Sprache.' });
    await decide(pilot, 'explore');
    await decide(pilot, 'pilot', { red_lines_confirmed: [line.id] });
    const rejected = await tool({ name: 'Chatbot <b>für</b> Ratsuchende', public: true, public_summary: 'Ein Chatbot & mehr.' });
    await decide(rejected, 'reject');
    await tool({ name: 'Interne Notizen', personal_data: 'unknown' });
    await call('POST', '/catalog/entries', { kind: 'question', phase: 1, text: { de: 'Wen fragen wir zuerst?', en: 'Whom do we ask first?' } });
    await call('POST', '/catalog/entries', {
      kind: 'resource', phase: 2, title: { de: 'Leitfaden' }, text: { de: 'Ein Leitfaden zum Ausprobieren.' },
      url: 'https://example.org/leitfaden',
    });
    const erika = await call('POST', '/personas', {
      name: 'Erika, 78', story: 'Lebt allein im Dorf & ruft lieber an.', place: 'rural', age: 78,
      device: 'none', use: 'cannot', languages: ['de', 'gsg'], tags: ['lebt allein'],
    });
    await call('POST', '/personas', { name: 'Samir, 19', place: 'city', age: 19, gender: 'self_described', gender_text: 'queer', use: 'likely' });
    await call('POST', `/tools/${pilot.id}/personas`, { persona: erika.id });
    // The risk matrix: one risk for a non-user, overdue, and one for a group, so cells, list,
    // history, overview and the reviews page all have content.
    await call('POST', '/risks', {
      tool_id: pilot.id, description: 'Wer kein Telefon hat, erfährt nichts <b>davon</b> & mehr.',
      personas: [erika.id], affected: 'non_users', likelihood: 'high', impact: 'high', due: '2020-01-31',
    });
    await call('POST', '/risks', {
      tool_id: pilot.id, description: 'Falsche Übersetzung einer Frist.', group: 'Ratsuchende',
      likelihood: 'medium', impact: 'low', state: 'mitigated', mitigation: 'Ein Mensch prüft jede Frist.',
    });
    return { server, token, stop: () => server.stop() };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
