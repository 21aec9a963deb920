import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyAuthenticator } from '../../src/app/auth/key-authenticator.js';
import type { Store } from '../../src/app/ports.js';
import { randomIds } from '../../src/app/random-ids.js';
import { systemClock } from '../../src/app/system-clock.js';
import { buildApp } from '../../src/http/build-app.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { errorShapeProblems, readRouteTable } from '../support/route-table.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** `name{a="x",b="y"} 3` → its labels and value. */
function parseSample(line: string): { name: string; labels: Record<string, string>; value: number } | undefined {
  const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
  if (!match) return undefined;
  const labels = Object.fromEntries(
    [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] as string, m[2] as string]),
  );
  return { name: match[1] as string, labels, value: Number(match[3]) };
}

describe.each(TEST_DATABASES)('health and metrics on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const metrics = async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return answer.body;
  };

  it('answers GET /health with 200 {status:"ok"} without a key', async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/health' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json()).toEqual({ status: 'ok', database: database.name });
    expect(answer.headers['x-request-id']).toMatch(/^v-[0-9a-f]+$/);
    const real = await fetch(`${server.url}/health`);
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ status: 'ok' });
  });

  it('answers 503 service_unavailable while the database cannot be reached', async () => {
    const unreachable: Store = Object.assign(Object.create(server.store) as Store, {
      ping: async () => {
        throw new Error('connection refused');
      },
    });
    const app = await buildApp({
      store: unreachable,
      clock: systemClock,
      ids: randomIds,
      work: server.worker,
      authenticator: new KeyAuthenticator(unreachable, 0),
      bodyLimitBytes: 1024 * 1024,
      logLevel: 'silent',
      publicUrl: server.url,
    });
    try {
      const answer = await app.inject({ method: 'GET', url: '/health' });
      expect(errorShapeProblems(answer, 503, 'service_unavailable')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('counts requests by route pattern, never by raw id or unknown URL', async () => {
    const sdk = server.sdk();
    const customer = loose(await sdk.customers.create({ source_id: 'metrics-secret-source-id' }));
    const id = customer.id as string;
    await sdk.customers.get(id);
    await sdk.customers.get('metrics-secret-source-id');
    await expect(sdk.customers.get('metrics-missing-customer')).rejects.toMatchObject({ code: 404 });
    await server.app.inject({ method: 'GET', url: `/v1/customers/${id}` });
    await server.app.inject({ method: 'GET', url: '/v1/no-such-route-metrics-probe', headers: server.serverHeaders() });

    const text = await metrics();
    expect(text).toContain('# TYPE vouch_http_requests_total counter');
    expect(text).toContain('# TYPE vouch_http_request_duration_seconds histogram');
    for (const leaked of [id, 'metrics-secret-source-id', 'metrics-missing-customer', 'no-such-route-metrics-probe']) {
      expect(text).not.toContain(leaked);
    }

    const samples = text
      .split('\n')
      .filter((line) => line.startsWith('vouch_http_requests_total'))
      .map((line) => parseSample(line));
    const byRoute = (route: string, status: string) =>
      samples.find((s) => s?.labels.method === 'GET' && s.labels.route === route && s.labels.status === status)?.value;
    expect(byRoute('/v1/customers/:customerId', '200')).toBe(2);
    expect(byRoute('/v1/customers/:customerId', '404')).toBe(1);
    expect(byRoute('/v1/customers/:customerId', '401')).toBe(1);

    const patterns = new Set(readRouteTable(server.app).routes.map((r) => r.pattern));
    const labels = samples.map((s) => s?.labels.route);
    expect(labels.every((route) => route === 'unmatched' || (route !== undefined && patterns.has(route)))).toBe(true);
    expect(labels).toContain('unmatched');
  });

  it('writes valid Prometheus text, counting /health but not /metrics itself', async () => {
    await server.app.inject({ method: 'GET', url: '/health' });
    const text = await metrics();
    const problems = text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .filter((line) => {
        const sample = parseSample(line);
        // Prometheus reads NaN and ±Inf in any letter case (prom-client writes `Nan`).
        const value = line.slice(line.lastIndexOf(' ') + 1);
        return !sample || (Number.isNaN(sample.value) && !/^[+-]?(nan|inf)$/i.test(value));
      });
    expect(problems).toEqual([]);
    expect(text).toMatch(/vouch_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(text).not.toMatch(/route="\/metrics"/);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});
