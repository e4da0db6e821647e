// Every Atom feed the site serves validates against the RELAX NG grammar of RFC 4287
// (atom.rnc, Appendix B) with jing (Debian), a filled register and an empty one, and
// meets the two rules the grammar states as Schematron annotations (jing skips them):
// the feed or each entry names an author; each entry has an alternate link or content.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { OWNER, seededSite } from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let site;
let dir;

before(async () => {
  site = await seededSite();
  const empty = site.server.cli(['user', 'create', '--email', 'leer@example.org', '--org', 'leer'], 'ein-langes-passwort-3\n');
  assert.equal(empty.code, 0, empty.stderr);
  dir = mkdtempSync(path.join(tmpdir(), 'solipraxis-atom-'));
});

after(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function jing(file) {
  return spawnSync('jing', ['-c', path.join(here, 'atom.rnc'), file], { encoding: 'utf8' });
}

test('jing refuses a feed that breaks RFC 4287, so a pass means something', () => {
  const file = path.join(dir, 'broken.atom');
  writeFileSync(file, '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>gestern</updated></feed>');
  const res = jing(file);
  assert.notEqual(res.status, 0, 'jing accepted a feed without id and with a bad date');
  assert.match(res.stdout, /updated|id/);
});

for (const org of [OWNER.org, 'leer']) {
  test(`/p/${org}/register.atom is valid Atom 1.0 (RFC 4287)`, async () => {
    const res = await fetch(`${site.server.url}/p/${org}/register.atom`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/atom\+xml/);
    const xml = await res.text();
    const file = path.join(dir, `${org}.atom`);
    writeFileSync(file, xml);
    const checked = jing(file);
    assert.equal(checked.status, 0, `jing: ${checked.stdout}${checked.stderr}`);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
    if (org === OWNER.org) assert.equal(entries.length, 2, 'one entry per public tool');
    const head = xml.replace(/<entry>[\s\S]*?<\/entry>/g, '');
    for (const entry of entries) {
      assert.ok(/<author>/.test(head) || /<author>/.test(entry), 'an author for every entry');
      assert.ok(/<link(?![^>]*rel=)[^>]*>|<link[^>]*rel="alternate"/.test(entry) || /<content/.test(entry),
        'an alternate link or content in every entry');
    }
  });
}
