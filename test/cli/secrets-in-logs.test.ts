import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VoucherifySdk from '@voucherify/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import '../support/databases.js';
import { countOccurrences, describeSightings, findSecrets } from '../support/log-capture.js';
import { type Loose, loose } from '../support/loose.js';
import { createPostgresSchema } from '../support/postgres-schema.js';
import { startVouch } from '../support/vouch-process.js';

const { VoucherifyServerSide, VoucherifyClientSide } = VoucherifySdk;

/**
 * Runs a real `vouch serve` at the most talkative log levels, drives a whole journey through it
 * (every kind of key, new keys handed out by the API, refused keys, failing requests, a broken
 * body holding a secret), then searches everything the process wrote for every secret the test
 * knows.
 *
 * The one deliberate exception is the first start's banner: keys Vouch generates itself are
 * stored hashed, so printing them once on stdout (as plain text, not as a log record) is the only
 * way an operator can learn them. The test holds that print to exactly that: once, outside any
 * log record, never again. Keys fixed through the environment are never printed at all: the
 * operator already has them.
 */

const pgUrl = process.env.VOUCH_TEST_PG;
const SHOP = 'https://shop.example.com';
/** Trusted by the default project out of the box. */
const LOCAL_ORIGIN = 'http://localhost:3000';

const ENV_KEYS = {
  VOUCH_APP_ID: 'log-test-backend',
  VOUCH_SECRET_KEY: 'envServerSecret-3f9a0c7e51d24b68',
  VOUCH_CLIENT_APP_ID: 'log-test-storefront',
  VOUCH_CLIENT_SECRET_KEY: 'envClientSecret-8b1e44d0c9a27f35',
  VOUCH_MANAGEMENT_ID: 'log-test-operator',
  VOUCH_MANAGEMENT_TOKEN: 'envManagementToken-5c2d7a9e0f14b83',
};
/** Wrong tokens look like real ones (a mistyped key often is one): they must not be logged either. */
const WRONG_TOKENS = {
  'wrong server token': 'wrongServerToken-77d0e1c2b3a4f5e6',
  'wrong client token': 'wrongClientToken-1a2b3c4d5e6f7081',
  'wrong management token': 'wrongManagementToken-9f8e7d6c5b4a3',
};
const FIXED_SECRETS = {
  VOUCH_SECRET_KEY: ENV_KEYS.VOUCH_SECRET_KEY,
  VOUCH_CLIENT_SECRET_KEY: ENV_KEYS.VOUCH_CLIENT_SECRET_KEY,
  VOUCH_MANAGEMENT_TOKEN: ENV_KEYS.VOUCH_MANAGEMENT_TOKEN,
  ...WRONG_TOKENS,
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface JourneyDatabase {
  name: string;
  /** The VOUCH_DB to start with, and the secrets it holds (a password in a URL). */
  open(): Promise<{ env: Record<string, string>; secrets: Record<string, string>; dispose(): Promise<void> }>;
}

const sqliteDatabase: JourneyDatabase = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-secrets-'));
    dirs.push(dir);
    return { env: { VOUCH_DB: join(dir, 'vouch.db') }, secrets: {}, dispose: async () => undefined };
  },
};

/**
 * PostgreSQL through a URL with a password. A server that trusts local connections never asks for
 * it, so a password-less test URL gets one here and still connects; the password, and the URL
 * with its credentials, are then secrets like any other.
 */
const postgresDatabase: JourneyDatabase = {
  name: 'postgres',
  async open() {
    if (!pgUrl) throw new Error('VOUCH_TEST_PG is not set');
    const withPassword = new URL(pgUrl);
    if (!withPassword.password) withPassword.password = 'dbPassword-c41f9e2a7b';
    const schema = await createPostgresSchema(withPassword.toString(), 'secrets');
    const credentials = `${withPassword.username}:${withPassword.password}@`;
    return {
      env: { VOUCH_DB: schema.url },
      secrets: {
        'database password': decodeURIComponent(withPassword.password),
        'database URL credentials': credentials,
        'database URL': schema.url,
      },
      dispose: () => schema.drop(),
    };
  },
};

const DATABASES = pgUrl ? [sqliteDatabase, postgresDatabase] : [sqliteDatabase];

/** A raw call, for what the SDK does not send: management calls, broken bodies, wrong origins. */
async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | object,
): Promise<{ status: number; json: Loose }> {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await answer.text();
  return { status: answer.status, json: loose(text === '' ? {} : JSON.parse(text)) };
}

/**
 * The whole journey. Returns the secrets the API handed out on the way (new keys, webhook
 * tokens), which the log must not hold either.
 */
async function driveJourney(url: string): Promise<Record<string, string>> {
  const learned: Record<string, string> = {};
  const management = {
    'x-management-id': ENV_KEYS.VOUCH_MANAGEMENT_ID,
    'x-management-token': ENV_KEYS.VOUCH_MANAGEMENT_TOKEN,
  };

  // A project created through the management API: its answer carries brand-new keys.
  const created = await call(url, 'POST', '/management/v1/projects', management, {
    name: 'Log journey shop',
    client_trusted_domains: [SHOP],
    client_redeem_enabled: true,
    client_create_customer_enabled: true,
  });
  expect(created.status).toBe(200);
  learned['new project server token'] = created.json.server_side_key.app_token;
  learned['new project client token'] = created.json.client_side_key.app_token;
  learned['new project webhook token'] = created.json.webhook_token;

  const projects = await call(url, 'GET', '/management/v1/projects?limit=100', management);
  expect(projects.status).toBe(200);
  const defaultProject = (projects.json.data as Loose[]).find((p) => p.id !== created.json.id);
  expect(defaultProject).toBeDefined();
  learned['default project webhook token'] = defaultProject?.webhook_token;
  const enabled = await call(url, 'PUT', `/management/v1/projects/${defaultProject?.id}`, management, {
    client_redeem_enabled: true,
  });
  expect(enabled.status).toBe(200);

  // Server side with the keys from the environment: a campaign, then validate and redeem.
  const backend = VoucherifyServerSide({
    applicationId: ENV_KEYS.VOUCH_APP_ID,
    secretKey: ENV_KEYS.VOUCH_SECRET_KEY,
    apiUrl: url,
  });
  const campaign = loose(
    await backend.campaigns.create({
      name: 'Log journey campaign',
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'STATIC',
      vouchers_count: 3,
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 500 } },
    } as never),
  );
  let codes: string[] = [];
  for (let i = 0; i < 200 && codes.length < 3; i++) {
    const vouchers = loose(await backend.vouchers.list({ campaign: campaign.name, limit: 10 } as never));
    codes = (vouchers.vouchers as Loose[]).map((v) => v.code as string);
    if (codes.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(codes).toHaveLength(3);
  const [serverCode = '', clientCode = '', spareCode = ''] = codes;
  const customer = { source_id: 'log-shopper', email: 'shopper@example.com' };
  expect(
    loose(await backend.validations.validateVoucher(serverCode, { customer, order: { amount: 3000 } } as never)),
  ).toMatchObject({ valid: true });
  const redemption = loose(
    await backend.redemptions.redeem(serverCode, { customer, order: { amount: 3000 } } as never),
  );
  expect(redemption).toMatchObject({ result: 'SUCCESS' });
  await backend.redemptions.rollback(redemption.id, { reason: 'journey' } as never);

  // Client side with the environment's client key, from an origin the default project trusts.
  const storefront = VoucherifyClientSide({
    clientApplicationId: ENV_KEYS.VOUCH_CLIENT_APP_ID,
    clientSecretKey: ENV_KEYS.VOUCH_CLIENT_SECRET_KEY,
    apiUrl: url,
    origin: LOCAL_ORIGIN,
  });
  expect(loose(await storefront.validate({ code: clientCode, amount: 2000 } as never))).toMatchObject({ valid: true });
  expect(loose(await storefront.redeem(clientCode, { customer, order: { amount: 2000 } } as never))).toMatchObject({
    result: 'SUCCESS',
  });

  // The new project's keys, which the API has just handed out.
  const newBackend = VoucherifyServerSide({
    applicationId: created.json.server_side_key.app_id,
    secretKey: learned['new project server token'] ?? '',
    apiUrl: url,
  });
  await newBackend.vouchers.create({
    code: 'LOG-NEW-10',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
  } as never);
  const newStorefront = VoucherifyClientSide({
    clientApplicationId: created.json.client_side_key.app_id,
    clientSecretKey: learned['new project client token'] ?? '',
    apiUrl: url,
    origin: SHOP,
  });
  await newStorefront.createCustomer({ source_id: 'log-new-shopper' });
  expect(loose(await newStorefront.validate({ code: 'LOG-NEW-10', amount: 5000 } as never))).toMatchObject({
    valid: true,
  });
  expect(loose(await newStorefront.redeem('LOG-NEW-10', { order: { amount: 5000 } } as never))).toMatchObject({
    result: 'SUCCESS',
  });
  const preflight = await fetch(`${url}/client/v1/redeem?code=LOG-NEW-10`, {
    method: 'OPTIONS',
    headers: { origin: SHOP, 'access-control-request-method': 'POST' },
  });
  expect(preflight.status).toBe(204);

  // Wrong tokens, of every kind.
  const wrongServer = { 'x-app-id': ENV_KEYS.VOUCH_APP_ID, 'x-app-token': WRONG_TOKENS['wrong server token'] };
  expect((await call(url, 'GET', '/v1/customers', wrongServer)).status).toBe(401);
  const wrongClient = {
    'x-client-application-id': ENV_KEYS.VOUCH_CLIENT_APP_ID,
    'x-client-token': WRONG_TOKENS['wrong client token'],
    origin: LOCAL_ORIGIN,
  };
  expect((await call(url, 'GET', `/client/v1/validate?code=${clientCode}`, wrongClient)).status).toBe(401);
  const wrongManagement = {
    'x-management-id': ENV_KEYS.VOUCH_MANAGEMENT_ID,
    'x-management-token': WRONG_TOKENS['wrong management token'],
  };
  expect((await call(url, 'GET', '/management/v1/projects', wrongManagement)).status).toBe(401);

  // Requests that fail: an unknown object, a bad payload, an untrusted origin, an unknown route.
  const server = { 'x-app-id': ENV_KEYS.VOUCH_APP_ID, 'x-app-token': ENV_KEYS.VOUCH_SECRET_KEY };
  expect((await call(url, 'GET', '/v1/vouchers/NO-SUCH-CODE', server)).status).toBe(404);
  expect((await call(url, 'POST', '/v1/customers', server, { source_id: 42 })).status).toBe(400);
  const untrusted = {
    ...wrongClient,
    'x-client-token': ENV_KEYS.VOUCH_CLIENT_SECRET_KEY,
    origin: 'https://evil.example.net',
  };
  expect((await call(url, 'GET', `/client/v1/validate?code=${spareCode}`, untrusted)).status).toBe(403);
  expect((await call(url, 'GET', '/v1/no-such-route', server)).status).toBe(404);

  // Broken JSON bodies holding token-looking strings (a client pasting its key into a body).
  const broken = `{"note": "token ${ENV_KEYS.VOUCH_SECRET_KEY}", "management": "${ENV_KEYS.VOUCH_MANAGEMENT_TOKEN}", `;
  const brokenAnswer = await call(url, 'POST', '/v1/customers', server, broken);
  expect(brokenAnswer.status).toBe(400);
  expect(JSON.stringify(brokenAnswer.json)).not.toContain(ENV_KEYS.VOUCH_MANAGEMENT_TOKEN);
  expect((await call(url, 'POST', '/management/v1/projects', management, broken)).status).toBe(400);
  expect(
    (
      await call(
        url,
        'POST',
        `/client/v1/redeem?code=${spareCode}`,
        { ...wrongClient, 'x-client-token': ENV_KEYS.VOUCH_CLIENT_SECRET_KEY },
        broken,
      )
    ).status,
  ).toBe(400);

  return learned;
}

describe('the search', () => {
  it('finds a secret written raw, URL-encoded or escaped in JSON, and names the line', () => {
    const secret = 'tok/en+"quoted"=1234';
    const output = [
      'clean line',
      `raw ${secret}`,
      `{"url":"/v1/x?t=${encodeURIComponent(secret)}"}`,
      JSON.stringify({ msg: secret }),
    ].join('\n');
    const sightings = findSecrets(output, { token: secret });
    expect(sightings.map((s) => s.line).sort()).toEqual([2, 3, 4]);
    expect(describeSightings(sightings)).not.toContain(secret);
    expect(() => findSecrets(output, { short: 'abc' })).toThrow(/too short/);
  });
});

describe.each(DATABASES)('secrets in the log of a whole journey on $name', (database) => {
  it.each(['trace', 'debug'])(
    'never writes a key, token or database password at log level %s',
    async (level) => {
      const opened = await database.open();
      const vouch = await startVouch({ ...ENV_KEYS, ...opened.env, VOUCH_LOG_LEVEL: level });
      try {
        const learned = await driveJourney(vouch.url);
        // Stopped first, so everything the process had to say is written out.
        expect(await vouch.stop()).toBe(0);
        const output = vouch.output();
        // The log did record the journey: an empty log would pass any search.
        expect(output).toContain('"msg":"incoming request"');
        expect(output).toContain('"statusCode":401');
        expect(output).not.toContain('Keep them now');
        const secrets = { ...FIXED_SECRETS, ...learned, ...opened.secrets };
        const sightings = findSecrets(output, secrets);
        expect(sightings, describeSightings(sightings)).toEqual([]);
      } finally {
        await vouch.stop();
        await opened.dispose();
      }
    },
    120_000,
  );
});

describe('the first start', () => {
  it('prints the keys it generates once, as plain text outside any log record, and never again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-secrets-first-'));
    dirs.push(dir);
    const env = { VOUCH_DB: join(dir, 'vouch.db'), VOUCH_LOG_LEVEL: 'trace' };
    const first = await startVouch(env);
    const banner = first.output();
    const generated = {
      'generated server secret': /Server-side key[\s\S]*?secret:\s+(\S+)/.exec(banner)?.[1] ?? '',
      'generated client secret': /Client-side key[\s\S]*?secret:\s+(\S+)/.exec(banner)?.[1] ?? '',
      'generated management secret': /Management key[\s\S]*?secret:\s+(\S+)/.exec(banner)?.[1] ?? '',
    };
    const serverAppId = /Server-side key[\s\S]*?app id:\s+(\S+)/.exec(banner)?.[1] ?? '';
    const managementId = /Management key[\s\S]*?app id:\s+(\S+)/.exec(banner)?.[1] ?? '';
    try {
      const answer = await call(first.url, 'GET', '/v1/customers', {
        'x-app-id': serverAppId,
        'x-app-token': generated['generated server secret'],
      });
      expect(answer.status).toBe(200);
      const projects = await call(first.url, 'GET', '/management/v1/projects', {
        'x-management-id': managementId,
        'x-management-token': generated['generated management secret'],
      });
      expect(projects.status).toBe(200);
      expect(await first.stop()).toBe(0);
      const output = first.output();
      for (const [label, secret] of Object.entries(generated)) {
        expect(countOccurrences(output, secret), label).toBe(1);
        const line = output.split('\n').find((l) => l.includes(secret)) ?? '';
        expect(line.trimStart().startsWith('{'), `${label} is inside a log record`).toBe(false);
      }

      const second = await startVouch(env);
      await call(second.url, 'GET', '/v1/customers', {
        'x-app-id': serverAppId,
        'x-app-token': generated['generated server secret'],
      });
      expect(await second.stop()).toBe(0);
      const again = findSecrets(second.output(), generated);
      expect(again, describeSightings(again)).toEqual([]);
    } finally {
      await first.stop();
    }
  }, 120_000);
});
