// The OpenAPI document as the server serves it (/api/openapi.json) parses and lints
// clean in two tools nobody here wrote: Redocly CLI (its recommended rules) and
// Spectral (spectral:oas, .spectral.yaml says which two rules are off and why), both
// without a single error or warning. The register's 200 answer refers to the JSON
// Schema by $ref, and that reference resolves to the schema the server serves.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startServer } from '../e2e/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = (name) => path.join(here, 'node_modules', '.bin', name);
// No telemetry and no update check: the tests make no outside requests.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
let server;
let url;

before(async () => {
  server = await startServer();
  url = `${server.url}/api/openapi.json`;
});
after(async () => { await server?.stop(); });

test('Redocly lints the served document without errors or warnings', () => {
  const res = spawnSync(bin('redocly'), ['lint', '--format=json', url], { encoding: 'utf8', env, cwd: here });
  const start = res.stdout.indexOf('{');
  assert.ok(start >= 0, `redocly printed no report: ${res.stdout}${res.stderr}`);
  const report = JSON.parse(res.stdout.slice(start));
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.equal(report.totals.errors + report.totals.warnings, 0);
  assert.equal(res.status, 0);
});

test('Spectral lints the served document without any finding', () => {
  const res = spawnSync(bin('spectral'), ['lint', '--ruleset', path.join(here, '.spectral.yaml'),
    '--format', 'json', '--fail-severity', 'hint', '--quiet', url], { encoding: 'utf8', env, cwd: here });
  const findings = JSON.parse(res.stdout.trim() || '[]')
    .map((f) => `${f.code}: ${f.message} at ${f.path.join('.')}`);
  assert.deepEqual(findings, [], `${findings.join('\n')}${res.stderr}`);
  assert.equal(res.status, 0, res.stderr);
});

test('the register answer refers to the JSON Schema the server serves', async () => {
  const doc = await (await fetch(url)).json();
  const schema = doc.paths['/p/{org}/register.json'].get.responses['200'].content['application/json'].schema;
  assert.ok(schema.$ref, 'a $ref, not an inline object');
  const target = new URL(schema.$ref, url);
  const res = await fetch(target);
  assert.equal(res.status, 200, `${target} is served`);
  const served = await res.json();
  assert.equal(served.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(served.$id, 'urn:solipraxis:schema:public-register:2');
});
