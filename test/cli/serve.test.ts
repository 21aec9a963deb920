import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VoucherifySdk from '@voucherify/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import '../support/databases.js';
import { createPostgresSchema } from '../support/postgres-schema.js';
import { runVouch, startVouch, startVouchProcesses } from '../support/vouch-process.js';

const { VoucherifyServerSide } = VoucherifySdk;

const dirs: string[] = [];
function freshDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-cli-'));
  dirs.push(dir);
  return join(dir, 'data', 'vouch.db');
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function keyFromBanner(output: string, label: string): { appId: string; secret: string } {
  const block = output.slice(output.indexOf(label));
  const appId = /app id:\s+(\S+)/.exec(block)?.[1];
  const secret = /secret:\s+(\S+)/.exec(block)?.[1];
  if (!appId || !secret) throw new Error(`no ${label} in:\n${output}`);
  return { appId, secret };
}

describe('vouch serve', () => {
  it('creates the database and a default project on first start, prints the keys once, and they work', async () => {
    const db = freshDbFile();
    const first = await startVouch({ VOUCH_DB: db });
    const output = first.output();
    expect(output).toContain('Keep them now');
    const server = keyFromBanner(output, 'Server-side key');
    const sdk = VoucherifyServerSide({ applicationId: server.appId, secretKey: server.secret, apiUrl: first.url });
    const customer = await sdk.customers.create({ source_id: 'first-start' });
    expect(customer).toMatchObject({ object: 'customer', source_id: 'first-start' });
    expect(await first.stop()).toBe(0);

    const second = await startVouch({ VOUCH_DB: db });
    expect(second.output()).not.toContain('Keep them now');
    const again = VoucherifyServerSide({ applicationId: server.appId, secretKey: server.secret, apiUrl: second.url });
    expect(await again.customers.get('first-start')).toMatchObject({ source_id: 'first-start' });
    expect(await second.stop()).toBe(0);
  });

  it('uses the keys set in the environment and prints no secret', async () => {
    const env = {
      VOUCH_DB: freshDbFile(),
      VOUCH_APP_ID: 'shop-backend',
      VOUCH_SECRET_KEY: 'backend-secret-0123456789',
      VOUCH_CLIENT_APP_ID: 'shop-front',
      VOUCH_CLIENT_SECRET_KEY: 'front-secret-0123456789',
      VOUCH_MANAGEMENT_ID: 'ops',
      VOUCH_MANAGEMENT_TOKEN: 'ops-secret-0123456789',
    };
    const vouch = await startVouch(env);
    expect(vouch.output()).not.toContain('backend-secret-0123456789');
    expect(vouch.output()).not.toContain('Keep them now');
    const sdk = VoucherifyServerSide({
      applicationId: 'shop-backend',
      secretKey: 'backend-secret-0123456789',
      apiUrl: vouch.url,
    });
    expect(await sdk.customers.create({ source_id: 'env' })).toMatchObject({ source_id: 'env' });
    const projects = await fetch(`${vouch.url}/management/v1/projects`, {
      headers: { 'x-management-id': 'ops', 'x-management-token': 'ops-secret-0123456789' },
    });
    expect(projects.status).toBe(200);
    await vouch.stop();

    // A rotated secret in the environment replaces the stored one at the next start.
    const rotated = await startVouch({ ...env, VOUCH_SECRET_KEY: 'rotated-secret-0123456789' });
    const old = VoucherifyServerSide({
      applicationId: 'shop-backend',
      secretKey: 'backend-secret-0123456789',
      apiUrl: rotated.url,
    });
    await expect(old.customers.get('env')).rejects.toMatchObject({ code: 401 });
    const fresh = VoucherifyServerSide({
      applicationId: 'shop-backend',
      secretKey: 'rotated-secret-0123456789',
      apiUrl: rotated.url,
    });
    expect(await fresh.customers.get('env')).toMatchObject({ source_id: 'env' });
    await rotated.stop();
  });

  it('stops with one clear line on a bad setting', async () => {
    const result = await runVouch(['serve'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('vouch: PORT must be a whole number from 0 to 65535, got "eighty"');
  });

  it('finishes a request in flight when asked to stop with SIGTERM', async () => {
    const vouch = await startVouch({
      VOUCH_DB: freshDbFile(),
      VOUCH_APP_ID: 'drain',
      VOUCH_SECRET_KEY: 'drain-secret-0123456789',
      VOUCH_LOG_LEVEL: 'info',
    });
    const body = JSON.stringify({ source_id: 'in-flight', name: 'Drained' });
    // The server has read the headers once it answers `100 Continue`: the request is in flight.
    // Only then the signal goes out, and only once the server says it is stopping does the body
    // follow, so the request surely spans the shutdown.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${vouch.url}/v1/customers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
          'x-app-id': 'drain',
          'x-app-token': 'drain-secret-0123456789',
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.on('continue', async () => {
        vouch.child.kill('SIGTERM');
        while (!vouch.output().includes('stopping')) await new Promise((r) => setTimeout(r, 20));
        req.end(body);
      });
      req.flushHeaders();
    });
    const { status, body: text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ source_id: 'in-flight', name: 'Drained' });
    expect(await vouch.stop()).toBe(0);
    expect(vouch.output()).toContain('"msg":"stopped"');
  });
});

describe('vouch commands', () => {
  it('migrates, creates projects and keys, and explains its usage', async () => {
    const env = { VOUCH_DB: freshDbFile() };
    expect((await runVouch(['migrate'], env)).stdout).toContain('Database is up to date');
    const project = await runVouch(['projects', 'create', '--name', 'Shop B'], env);
    expect(project.code).toBe(0);
    const created = JSON.parse(project.stdout) as { id: string; server_side_key: { app_id: string } };
    expect(created.id).toMatch(/^proj_/);
    expect(created.server_side_key.app_id).toBeTruthy();
    const key = await runVouch(['keys', 'create', '--kind', 'client', '--project', created.id], env);
    expect(JSON.parse(key.stdout)).toMatchObject({ kind: 'client' });
    const missing = await runVouch(['keys', 'create', '--kind', 'server', '--project', 'proj_nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no project proj_nope');
    expect((await runVouch(['--help'], env)).stdout).toContain('Usage: vouch');
    expect((await runVouch(['frobnicate'], env)).code).toBe(1);
  });

  it('adds dashboard users from the command line and the admin from the environment, who then sign in', async () => {
    const db = freshDbFile();
    const created = await runVouch(
      ['users', 'create', '--email', 'Marketer@Shop.example', '--role', 'member'],
      { VOUCH_DB: db },
      'long enough secret\n',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'marketer@shop.example', role: 'member' });
    const again = await runVouch(
      ['users', 'create', '--email', 'marketer@shop.example', '--password', 'another secret 1'],
      { VOUCH_DB: db },
    );
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('exists') });
    const short = await runVouch(['users', 'create', '--email', 'x@shop.example'], { VOUCH_DB: db }, 'short\n');
    expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining('at least 10 characters') });

    const vouch = await startVouch({
      VOUCH_DB: db,
      VOUCH_ADMIN_EMAIL: 'admin@shop.example',
      VOUCH_ADMIN_PASSWORD: 'admin secret 123',
    });
    const signIn = (email: string, password: string) =>
      fetch(`${vouch.url}/dashboard/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vouch-dashboard': '1' },
        body: JSON.stringify({ email, password }),
      });
    const admin = await signIn('admin@shop.example', 'admin secret 123');
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { projects: unknown[] }).projects).toHaveLength(1);
    expect((await signIn('marketer@shop.example', 'long enough secret')).status).toBe(200);
    expect(await vouch.stop()).toBe(0);
  });
});

const pgUrl = process.env.VOUCH_TEST_PG;

describe.runIf(pgUrl)('several vouch processes on one PostgreSQL database', () => {
  it('migrate once, bootstrap once, and create one customer from racing upserts', async () => {
    const schema = await createPostgresSchema(pgUrl as string, 'multi');
    const env = { VOUCH_DB: schema.url, VOUCH_APP_ID: 'multi', VOUCH_SECRET_KEY: 'multi-secret-0123456789' };
    const processes = await startVouchProcesses(3, env).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
    try {
      const [projects] = await schema.query<{ n: number }>('select count(*)::int as n from projects');
      expect(projects?.n).toBe(1);
      const upserts = processes.flatMap((p) =>
        Array.from({ length: 10 }, (_, i) =>
          VoucherifyServerSide({
            applicationId: 'multi',
            secretKey: 'multi-secret-0123456789',
            apiUrl: p.url,
          }).customers.create({
            source_id: 'shared',
            metadata: { from: p.url, i },
          }),
        ),
      );
      const results = await Promise.all(upserts);
      expect(new Set(results.map((c) => (c as { id: string }).id)).size).toBe(1);
      const [customers] = await schema.query<{ n: number }>(
        `select count(*)::int as n from customers where source_id = 'shared'`,
      );
      expect(customers?.n).toBe(1);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await schema.drop();
    }
  });
});
