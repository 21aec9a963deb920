import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardUser, ensureEnvironmentAdmin } from '../../src/app/dashboard/create-dashboard-user.js';
import { issueApiKey } from '../../src/app/projects/create-api-key.js';
import { randomIds } from '../../src/app/random-ids.js';
import { systemClock } from '../../src/app/system-clock.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DASHBOARD = { 'x-vouch-dashboard': '1', 'content-type': 'application/json' };

/** A browser's view of the dashboard API: the session cookie it was given, sent back on every call. */
function browser(server: TestServer) {
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    async call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        redirect: 'manual',
        headers: { ...DASHBOARD, ...(cookie ? { cookie } : {}), ...options.headers },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
  };
}

describe.each(TEST_DATABASES)('dashboard sign-in on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
    await createDashboardUser(server.store, systemClock, randomIds, {
      email: 'Admin@Example.com',
      password: 'correct horse battery',
      role: 'admin',
    });
    await createDashboardUser(server.store, systemClock, randomIds, {
      email: 'member@example.com',
      password: 'member password 1',
      role: 'member',
      projectIds: [server.project.id],
    });
  });
  afterAll(() => server?.close());

  it('signs in with an HTTP-only cookie, says who is signed in, and signs out', async () => {
    const anna = browser(server);
    expect((await anna.call('GET', '/dashboard/api/session')).status).toBe(401);
    const signedIn = await anna.call('POST', '/dashboard/api/session', {
      body: { email: ' admin@example.COM ', password: 'correct horse battery' },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { email: 'admin@example.com', role: 'admin' } });
    // An admin opens every project.
    const projectIds = signedIn.body.projects.map((p: { id: string }) => p.id);
    expect(projectIds).toEqual(expect.arrayContaining([server.project.id, server.otherProject.id]));
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vouch_dashboard=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    expect((await anna.call('GET', '/dashboard/api/session')).body.user.email).toBe('admin@example.com');
    const cookie = anna.cookie;
    expect((await anna.call('DELETE', '/dashboard/api/session')).status).toBe(204);
    // The token itself is dead, not only forgotten by the browser.
    const replayed = await fetch(`${server.url}/dashboard/api/session`, { headers: { ...DASHBOARD, cookie } });
    expect(replayed.status).toBe(401);
  });

  it('refuses wrong credentials alike, whether the email or the password is wrong', async () => {
    const eve = browser(server);
    for (const body of [
      { email: 'admin@example.com', password: 'wrong password!' },
      { email: 'nobody@example.com', password: 'correct horse battery' },
    ]) {
      const refused = await eve.call('POST', '/dashboard/api/session', { body });
      expect(refused).toMatchObject({ status: 401, body: { key: 'unauthorized', details: 'Wrong email or password' } });
    }
    expect(eve.cookie).toBe('');
    const bad = await eve.call('POST', '/dashboard/api/session', { body: { email: 'x' } });
    expect(bad.status).toBe(400);
  });

  it('lets a session call the server API in the projects its user may open, and nowhere else', async () => {
    const member = browser(server);
    await member.call('POST', '/dashboard/api/session', {
      body: { email: 'member@example.com', password: 'member password 1' },
    });
    const inProject = { 'x-vouch-project': server.project.id };
    const created = await member.call('POST', '/v1/customers', { body: { source_id: 'dash-1' }, headers: inProject });
    expect(created).toMatchObject({ status: 200, body: { source_id: 'dash-1' } });
    const listed = await member.call('GET', '/v1/customers?limit=5', { headers: inProject });
    expect(listed.body.customers.map((c: { source_id: string }) => c.source_id)).toContain('dash-1');

    const elsewhere = await member.call('GET', '/v1/customers', {
      headers: { 'x-vouch-project': server.otherProject.id },
    });
    expect(elsewhere).toMatchObject({ status: 403, body: { key: 'forbidden' } });
    expect((await member.call('GET', '/v1/customers')).status).toBe(400);
    // The management and client APIs take keys only.
    expect((await member.call('GET', '/management/v1/projects', { headers: inProject })).status).toBe(401);
  });

  it('refuses a cookie without the dashboard header: another site cannot ride the session', async () => {
    const member = browser(server);
    await member.call('POST', '/dashboard/api/session', {
      body: { email: 'member@example.com', password: 'member password 1' },
    });
    const forged = await fetch(`${server.url}/v1/customers`, {
      method: 'POST',
      headers: { cookie: member.cookie, 'content-type': 'application/json', 'x-vouch-project': server.project.id },
      body: JSON.stringify({ source_id: 'forged' }),
    });
    expect(forged.status).toBe(403);
    const found = await fetch(`${server.url}/v1/customers/forged`, { headers: server.serverHeaders() });
    expect(found.status).toBe(404);
    const signIn = await fetch(`${server.url}/dashboard/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'member@example.com', password: 'member password 1' }),
    });
    expect(signIn.status).toBe(403);
  });

  it("shows a project's keys without secrets; an admin rotates one and the old secret stops working", async () => {
    const admin = browser(server);
    await admin.call('POST', '/dashboard/api/session', {
      body: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    const listed = await admin.call('GET', `/dashboard/api/projects/${server.project.id}/keys`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain('secret');
    const serverKey = listed.body.keys.find((key: { kind: string }) => key.kind === 'server');
    expect(serverKey.app_id).toBe(server.project.serverKey.app_id);

    const member = browser(server);
    await member.call('POST', '/dashboard/api/session', {
      body: { email: 'member@example.com', password: 'member password 1' },
    });
    const rotatePath = `/dashboard/api/projects/${server.project.id}/keys/${serverKey.id}/rotate`;
    expect((await member.call('POST', rotatePath)).status).toBe(403);
    expect((await member.call('GET', `/dashboard/api/projects/${server.otherProject.id}/keys`)).status).toBe(403);

    const project = await server.createProject();
    const keys = (await admin.call('GET', `/dashboard/api/projects/${project.id}/keys`)).body.keys;
    const key = keys.find((k: { kind: string }) => k.kind === 'server');
    const rotated = await admin.call('POST', `/dashboard/api/projects/${project.id}/keys/${key.id}/rotate`);
    expect(rotated.body).toMatchObject({ app_id: project.serverKey.app_id, app_token: expect.any(String) });
    const withOld = await fetch(`${server.url}/v1/customers`, { headers: server.serverHeaders(project) });
    expect(withOld.status).toBe(401);
    const withNew = await fetch(`${server.url}/v1/customers`, {
      headers: { 'x-app-id': rotated.body.app_id, 'x-app-token': rotated.body.app_token },
    });
    expect(withNew.status).toBe(200);
  });

  it('offers the rule catalog and counts redemptions per day, by reason, customer and channel', async () => {
    const admin = browser(server);
    await admin.call('POST', '/dashboard/api/session', {
      body: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    const catalog = await admin.call('GET', '/dashboard/api/rule-catalog');
    expect(catalog.body.rules.find((rule: { name: string }) => rule.name === 'order.amount')).toMatchObject({
      label: 'Order amount',
      operators: expect.arrayContaining(['$more_than']),
    });

    const project = await server.createProject();
    const sdk = server.sdk(project);
    await sdk.vouchers.create({
      code: 'TWICE',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 500 },
      redemption: { quantity: 2 },
    } as never);
    const redeem = (customer: string) =>
      sdk.redemptions
        .redeem('TWICE', { customer: { source_id: customer }, order: { amount: 10000 } } as never)
        .catch(() => null);
    const first = await redeem('ann');
    await redeem('ann');
    await redeem('bob');
    await sdk.redemptions.rollback((first as { id: string }).id);

    const insights = await admin.call('GET', '/dashboard/api/insights/redemptions?days=7', {
      headers: { 'x-vouch-project': project.id },
    });
    expect(insights.status).toBe(200);
    expect(insights.body.days).toHaveLength(7);
    const today = insights.body.days.at(-1);
    expect(today).toMatchObject({ succeeded: 1, failed: 1, rolledBack: 1, discountAmount: 500 });
    expect(insights.body.failuresByReason).toEqual([{ reason: 'quantity_exceeded', count: 1 }]);
    expect(insights.body.topCustomers).toEqual([expect.objectContaining({ sourceId: 'ann', redemptions: 1 })]);
    expect(insights.body.channels).toEqual([{ channel: 'API', redemptions: 3 }]);
    const bad = await admin.call('GET', '/dashboard/api/insights/redemptions?days=0', {
      headers: { 'x-vouch-project': project.id },
    });
    expect(bad.status).toBe(400);
  });

  it("counts redemptions on the project's calendar days, not UTC days", async () => {
    const admin = browser(server);
    await admin.call('POST', '/dashboard/api/session', {
      body: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    // A zone whose date differs from UTC's at this hour: 14 hours ahead after 10:00 UTC, 12 behind before.
    const timezone = new Date().getUTCHours() >= 12 ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
    const project = await server.createProject({ timezone });
    const sdk = server.sdk(project);
    await sdk.vouchers.create({
      code: 'LOCAL',
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 },
    } as never);
    await sdk.redemptions.redeem('LOCAL', { order: { amount: 1000 } } as never);
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
    expect(localToday).not.toBe(new Date().toISOString().slice(0, 10));

    const insights = await admin.call('GET', '/dashboard/api/insights/redemptions?days=3', {
      headers: { 'x-vouch-project': project.id },
    });
    expect(insights.status).toBe(200);
    expect(insights.body.timezone).toBe(timezone);
    expect(insights.body.days.map((day: { day: string }) => day.day).at(-1)).toBe(localToday);
    expect(insights.body.days.at(-1)).toMatchObject({ day: localToday, succeeded: 1, discountAmount: 100 });
    expect(insights.body.days.slice(0, 2).map((day: { succeeded: number }) => day.succeeded)).toEqual([0, 0]);
  });

  it("sums each listed campaign's redemptions and discount given in one call", async () => {
    const admin = browser(server);
    await admin.call('POST', '/dashboard/api/session', {
      body: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const campaign = (name: string) =>
      sdk.campaigns.create({
        name,
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        vouchers_count: 2,
        voucher: {
          type: 'DISCOUNT_VOUCHER',
          discount: { type: 'AMOUNT', amount_off: 300 },
          redemption: { quantity: 1 },
        },
      } as never) as Promise<{ id: string; name: string }>;
    const [used, quiet] = [await campaign('Used'), await campaign('Quiet')];
    const codes = (await sdk.vouchers.list({ campaign: used.name } as never)) as { vouchers: { code: string }[] };
    const redeem = (code: string) =>
      sdk.redemptions.redeem(code, { order: { amount: 10000 } } as never).catch(() => null) as Promise<{
        id: string;
      } | null>;
    const [first, second] = [await redeem(codes.vouchers[0]?.code ?? ''), await redeem(codes.vouchers[1]?.code ?? '')];
    await redeem(codes.vouchers[0]?.code ?? ''); // used up: a failure
    await sdk.redemptions.rollback(second?.id ?? '');
    expect(first).not.toBeNull();

    const totals = await admin.call(
      'GET',
      `/dashboard/api/insights/campaign-totals?campaign_ids=${used.id},${quiet.id},nope`,
      {
        headers: { 'x-vouch-project': project.id },
      },
    );
    expect(totals.status).toBe(200);
    expect(totals.body.campaigns).toEqual([
      { id: used.id, redemptions_succeeded: 2, redemptions_failed: 1, redemptions_rolled_back: 1, discount_given: 300 },
      { id: quiet.id, redemptions_succeeded: 0, redemptions_failed: 0, redemptions_rolled_back: 0, discount_given: 0 },
      { id: 'nope', redemptions_succeeded: 0, redemptions_failed: 0, redemptions_rolled_back: 0, discount_given: 0 },
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `c${i}`).join(',');
    const refused = await admin.call('GET', `/dashboard/api/insights/campaign-totals?campaign_ids=${tooMany}`, {
      headers: { 'x-vouch-project': project.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.key).toBe('invalid_payload');
  });

  it('keeps the environment admin in step with VOUCH_ADMIN_PASSWORD, ending old sessions when it changes', async () => {
    const admin = { email: 'ops@example.com', password: 'first password' };
    expect(await ensureEnvironmentAdmin(server.store, systemClock, randomIds, admin)).toBe('created');
    expect(await ensureEnvironmentAdmin(server.store, systemClock, randomIds, admin)).toBe('unchanged');
    const ops = browser(server);
    expect((await ops.call('POST', '/dashboard/api/session', { body: admin })).status).toBe(200);
    const changed = { ...admin, password: 'second password' };
    expect(await ensureEnvironmentAdmin(server.store, systemClock, randomIds, changed)).toBe('updated');
    expect((await ops.call('GET', '/dashboard/api/session')).status).toBe(401);
    expect((await ops.call('POST', '/dashboard/api/session', { body: admin })).status).toBe(401);
    expect((await ops.call('POST', '/dashboard/api/session', { body: changed })).status).toBe(200);
  });

  it('serves the dashboard page for every path under /dashboard/', async () => {
    const page = await fetch(`${server.url}/dashboard/campaigns/camp_123`);
    // Built by `npm run build` (npm install runs it); without a build, a page that says so.
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/Vouch dashboard/);
    const bare = await fetch(`${server.url}/dashboard`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/dashboard/');
    const slash = await fetch(`${server.url}/dashboard/`, { redirect: 'manual' });
    expect([200, 503]).toContain(slash.status);
    const unknownApi = await fetch(`${server.url}/dashboard/api/nothing-here`);
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ key: 'not_found' });
  });
});

describe('dashboard sign-in guarding', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]);
    await createDashboardUser(server.store, systemClock, randomIds, {
      email: 'guarded@example.com',
      password: 'the right password',
      role: 'admin',
    });
  });
  afterAll(() => server?.close());

  it('refuses sign-ins after ten failures from one address, before hashing, even with the right password', async () => {
    const guesser = browser(server);
    for (let i = 0; i < 10; i++) {
      const wrong = await guesser.call('POST', '/dashboard/api/session', {
        body: { email: 'guarded@example.com', password: `guess number ${i}` },
      });
      expect(wrong.status).toBe(401);
    }
    const blocked = await guesser.call('POST', '/dashboard/api/session', {
      body: { email: 'guarded@example.com', password: 'the right password' },
    });
    expect(blocked).toMatchObject({ status: 429, body: { key: 'too_many_requests' } });
  });

  it('will not rotate a key the environment sets, which the next start would set back', async () => {
    const issued = await issueApiKey(server.store, systemClock, randomIds, {
      kind: 'server',
      projectId: server.project.id,
      name: 'server (environment)',
    });
    const key = (await server.store.apiKeys.findByAppId(issued.app_id)) as { id: string };
    // A fresh address's view: the failures above were counted for 127.0.0.1, so sign in through the store.
    const { signIn } = await import('../../src/app/dashboard/dashboard-sessions.js');
    const session = await signIn(server.store, systemClock, {
      email: 'guarded@example.com',
      password: 'the right password',
    });
    const rotated = await fetch(`${server.url}/dashboard/api/projects/${server.project.id}/keys/${key.id}/rotate`, {
      method: 'POST',
      headers: { ...DASHBOARD, cookie: `vouch_dashboard=${session.token}` },
      body: '{}',
    });
    expect(rotated.status).toBe(403);
    expect(await rotated.json()).toMatchObject({ details: expect.stringContaining('environment') });
  });
});
