// Starts a real solipraxis server on a free loopback port with a fresh data
// directory, and runs CLI subcommands on its data. No npm dependencies, so the
// browser tests (lib.mjs) and the standards checks (tests/standards) share it.
// Everything it starts it stops.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BIN = process.env.SOLIPRAXIS_BIN || path.resolve(here, '../../build/solipraxis');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Runs a CLI subcommand against the server's data directory.
export function cli(dataDir, args, input = '') {
  const res = spawnSync(BIN, [...args, '--data-dir', dataDir], { input, encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solipraxis-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const deadline = Date.now() + 20000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`server did not start: ${stderr}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    cli: (args, input) => cli(dataDir, args, input),
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.on('exit', r); });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Creates a user with the CLI as the owner of a new org; fails the test if the CLI refuses.
export function createOwner(server, { email, password, name, org, orgName }) {
  const args = ['user', 'create', '--email', email, '--org', org];
  if (orgName) args.push('--org-name', orgName);
  if (name) args.push('--name', name);
  const res = server.cli(args, `${password}\n`);
  assert.equal(res.code, 0, res.stderr);
}
