import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling, toLoggedError } from './error-handler.js';

const SECRET = 'sk_live_4f1c9a2e7d0b35681234';

/** A driver error as pg and HTTP clients build them: the values they handled ride along as fields. */
function driverError(): Error {
  return Object.assign(
    new Error('duplicate key value violates unique constraint "api_keys_pkey"', {
      cause: Object.assign(new Error('connection reset'), { code: 'ECONNRESET', headers: { 'x-app-token': SECRET } }),
    }),
    { code: '23505', detail: `Key (secret)=(${SECRET}) already exists.`, config: { headers: { token: SECRET } } },
  );
}

describe('toLoggedError', () => {
  it('keeps the type, message, code and stack of an error and its causes, and nothing else', () => {
    const logged = toLoggedError(driverError());
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'duplicate key value violates unique constraint "api_keys_pkey"',
      code: '23505',
      cause: { type: 'Error', message: 'connection reset', code: 'ECONNRESET' },
    });
    expect(logged.stack).toContain('driverError');
    expect(JSON.stringify(logged)).not.toContain(SECRET);
  });

  it('stops following causes after a few, so a cycle ends', () => {
    const looped = new Error('loop');
    looped.cause = looped;
    let depth = 0;
    for (let e = toLoggedError(looped); e.cause; e = e.cause) depth++;
    expect(depth).toBe(3);
  });

  it('describes a thrown value that is not an Error without printing it', () => {
    expect(toLoggedError(SECRET)).toEqual({ type: 'string', message: 'a thrown non-Error value' });
  });
});

describe('the error handler', () => {
  it('logs what failed behind a 500 without the fields that carry secrets', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk;
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    registerErrorHandling(app);
    app.get('/boom', async () => {
      throw driverError();
    });
    const answer = await app.inject({ method: 'GET', url: '/boom' });
    await app.close();
    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toMatchObject({ key: 'internal_error' });
    expect(answer.body).not.toContain('duplicate key');
    expect(log).toContain('duplicate key value violates unique constraint');
    expect(log).toContain('"code":"23505"');
    expect(log).not.toContain(SECRET);
  });
});
