import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import { registerErrorHandling } from '../../src/http/plugins/error-handler.js';
import { registerHealthRoute } from '../../src/http/routes/health.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';

describe('GET /health and the database', () => {
  let store: KyselyStore;
  beforeAll(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
  });
  afterAll(() => store?.close());

  /** The real store, but for how its database answers a ping. */
  const withPing = (ping: () => Promise<void>): Store => Object.assign(Object.create(store) as Store, { ping });

  async function healthOf(ping: () => Promise<void>): Promise<{ status: number; body: Record<string, unknown> }> {
    const app: FastifyInstance = Fastify();
    registerErrorHandling(app);
    registerHealthRoute(app, { store: withPing(ping) }, { pingTimeoutMs: 100 });
    try {
      const answer = await app.inject({ method: 'GET', url: '/health' });
      return { status: answer.statusCode, body: answer.json() };
    } finally {
      await app.close();
    }
  }

  it('answers 200 when the database answers', async () => {
    expect(await healthOf(async () => {})).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
  });

  it('answers 503 with the reason when the database cannot be reached', async () => {
    const answer = await healthOf(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      code: 503,
      key: 'service_unavailable',
      details: 'The database cannot be reached',
    });
    expect(JSON.stringify(answer.body)).not.toContain('ECONNREFUSED');
  });

  it('answers 503 instead of hanging when the database does not answer', async () => {
    const answer = await healthOf(() => new Promise<void>(() => {}));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      key: 'service_unavailable',
      details: 'The database did not answer within 100 ms',
    });
  });
});
