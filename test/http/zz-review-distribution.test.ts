import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCounters } from '../../src/app/doctor/check-counters.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { specViolations } from '../support/voucherify-spec.js';

const log = (...args: unknown[]) => console.log('[REVIEW]', ...args);

describe.each(TEST_DATABASES)('review on $name', (database) => {
  let server: TestServer;
  let project: TestProject;
  let n = 0;
  beforeAll(async () => {
    server = await startTestServer(database);
    project = await server.createProject({ client_publish_enabled: true, client_redeem_enabled: true });
  });
  afterAll(() => server?.close());
  const sdk = () => server.sdk(project);
  const code = (p: string) => `${p}-${database.name}-${++n}`;

  const raw = async (method: string, path: string, body?: unknown, client = false) => {
    const response = await fetch(`${server.url}${client ? '/client/v1' : '/v1'}${path}`, {
      method,
      headers: {
        ...(client ? server.clientHeaders(project) : server.serverHeaders(project)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, text, body: loose(json) };
  };
  const errorShapeOk = (b: Record<string, unknown> | null) =>
    !!b && typeof b.code === 'number' && typeof b.key === 'string' && typeof b.message === 'string';

  const giftCard = async (amount: number, c = code('GIFT')) =>
    loose(await sdk().vouchers.create({ code: c, type: 'GIFT_VOUCHER', gift: { amount } } as never));
  const order = (amount: number) => ({ amount });

  async function retried(): Promise<number> {
    const answer = await server.app.inject({ method: 'GET', url: '/metrics' });
    const line = answer.body.split('\n').find((t) => t.startsWith('vouch_transaction_conflicts_retried_total'));
    return Number(line?.split(' ')[1] ?? Number.NaN);
  }

  it('fuzzes bodies', async () => {
    const card = await giftCard(10000);
    await sdk().campaigns.create({
      name: `FZ-${database.name}`,
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'STATIC',
      vouchers_count: 5,
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
    } as never);
    const bad: unknown[] = [-1, 0, 1.5, '100', null, 2 ** 60, true, {}, [], 'abc', 1e308];
    const cases: [string, string, unknown, boolean?][] = [];
    for (const v of bad) {
      cases.push(['POST', `/vouchers/${card.code}/redemption`, { gift: { credits: v }, order: order(1000) }]);
      cases.push(['POST', `/vouchers/${card.code}/validate`, { gift: { credits: v }, order: order(1000) }]);
      cases.push(['POST', `/vouchers/${card.code}/balance`, { amount: v }]);
      cases.push([
        'POST',
        '/redemptions',
        { redeemables: [{ object: 'voucher', id: card.code, gift: { credits: v } }], order: order(1000) },
      ]);
      cases.push([
        'POST',
        '/validations',
        { redeemables: [{ object: 'voucher', id: card.code, gift: { credits: v } }], order: order(1000) },
      ]);
      cases.push(['POST', '/publications', { campaign: { name: `FZ-${database.name}`, count: v }, customer: { source_id: 'fz' } }]);
      cases.push(['POST', '/publications', { campaign: v, customer: { source_id: 'fz' } }]);
      cases.push(['POST', '/publications', { voucher: v, customer: { source_id: 'fz' } }]);
      cases.push(['POST', '/publications', { campaign: `FZ-${database.name}`, customer: v }]);
      cases.push(['POST', '/publications', { campaign: `FZ-${database.name}`, customer: { source_id: v } }]);
      cases.push(['POST', '/publications', { campaign: `FZ-${database.name}`, customer: { id: v } }]);
      cases.push(['POST', '/publications', { campaign: `FZ-${database.name}`, customer: { source_id: 'fz' }, source_id: v }]);
      cases.push(['POST', '/publications', { campaign: `FZ-${database.name}`, customer: { source_id: 'fz' }, metadata: v }]);
      cases.push(['POST', `/publish?campaign=FZ-${database.name}`, { customer: v }, true]);
      cases.push(['POST', `/publish?campaign=FZ-${database.name}`, { customer: { source_id: v } }, true]);
      cases.push(['POST', `/vouchers/${card.code}/transactions/export`, { parameters: { order: v, fields: v } }]);
      cases.push(['POST', `/vouchers/${card.code}/transactions/export`, { parameters: v }]);
    }
    cases.push(['POST', '/publications', 'not json']);
    cases.push(['POST', '/publications', '[]']);
    cases.push(['POST', '/publications', { campaign: { id: 'nope' }, customer: { source_id: 'x' } }]);
    cases.push(['POST', '/publications', { campaign: { name: '', id: '' }, customer: { source_id: 'x' } }]);
    cases.push(['POST', '/publications', { voucher: 'NOPE', customer: { source_id: 'x' } }]);
    cases.push(['POST', '/publications', { voucher: card.code, customer: {} }]);
    cases.push(['POST', `/vouchers/${card.code}/balance`, {}]);
    cases.push(['POST', `/vouchers/${card.code}/balance`, { amount: 100, source_id: 5 }]);
    cases.push(['POST', '/vouchers/NOPE/balance', { amount: 100 }]);
    for (const q of ['limit=-1', 'limit=abc', 'limit=1000', 'starting_after_id=zzz', 'order=foo', 'starting_after_id=', 'page=0'])
      cases.push(['GET', `/vouchers/${card.code}/transactions?${q}`, undefined]);
    for (const q of ['limit=-1', 'page=-1', 'order=foo', 'result=x', 'is_referral_code=maybe', 'voucher=%25', 'customer=', 'campaign='])
      cases.push(['GET', `/publications?${q}`, undefined]);
    cases.push(['GET', '/exports/nope', undefined]);
    cases.push(['GET', '/exports/nope?token=x', undefined]);
    cases.push(['GET', '/customers/nope/redeemables?limit=-5', undefined]);
    cases.push(['GET', '/customers/nope/redeemables?starting_after_id=rh_zzz', undefined]);
    const found: string[] = [];
    for (const [method, path, body, client] of cases) {
      const r = await raw(method, path, body, client);
      const tag = `${method} ${client ? '/client/v1' : '/v1'}${path} ${JSON.stringify(body)?.slice(0, 120)} -> ${r.status}`;
      if (r.status >= 500) found.push(`500: ${tag} ${r.text.slice(0, 300)}`);
      else if (r.status >= 400 && !errorShapeOk(r.body)) found.push(`shape: ${tag} ${r.text.slice(0, 300)}`);
      else if (r.status === 200 && path.includes('/balance')) found.push(`200?: ${tag} ${r.text.slice(0, 200)}`);
      else if (r.status === 200 && path.includes('redemption') && path.includes(card.code)) found.push(`200 redeem: ${tag} ${r.text.slice(0, 300)}`);
    }
    log(database.name, 'FUZZ', found.join('\n'));
    const v = loose(await sdk().vouchers.get(card.code));
    log(database.name, 'card after fuzz', JSON.stringify(v.gift));
  });

  it('zero credits, overflow, rollback after delete', async () => {
    const card = await giftCard(5000);
    const r0 = await raw('POST', `/vouchers/${card.code}/redemption`, { gift: { credits: 0 }, order: order(1000) });
    log(database.name, 'credits 0 redeem', r0.status, r0.text.slice(0, 400));
    const big = await giftCard(1000);
    for (let i = 0; i < 4; i++) {
      const r = await raw('POST', `/vouchers/${big.code}/balance`, { amount: 2 ** 52 });
      log(database.name, 'overflow add', i, r.status, r.text.slice(0, 200));
    }
    const rb = await raw('POST', `/vouchers/${big.code}/balance`, { amount: -1 });
    log(database.name, 'after overflow -1', rb.status, rb.text.slice(0, 200));
    // rollback after permanent delete
    const c2 = await giftCard(5000);
    const red = await raw('POST', `/vouchers/${c2.code}/redemption`, { gift: { credits: 100 }, order: order(1000) });
    log(database.name, 'redeem', red.status);
    const del = await raw('DELETE', `/vouchers/${c2.code}?force=true`);
    log(database.name, 'delete force', del.status, del.text.slice(0, 200));
    const rbk = await raw('POST', `/redemptions/${red.body.id}/rollback`, {});
    log(database.name, 'rollback after delete', rbk.status, rbk.text.slice(0, 300));
    // rollback after bin (soft delete)
    const c3 = await giftCard(5000);
    const red3 = await raw('POST', `/vouchers/${c3.code}/redemption`, { gift: { credits: 100 }, order: order(1000) });
    const del3 = await raw('DELETE', `/vouchers/${c3.code}`);
    const rbk3 = await raw('POST', `/redemptions/${red3.body.id}/rollback`, {});
    log(database.name, 'rollback after bin', red3.status, del3.status, rbk3.status, rbk3.text.slice(0, 200));
    // validate with credits > order; redeem credits > order
    const c4 = await giftCard(5000);
    const v4 = await raw('POST', `/vouchers/${c4.code}/redemption`, { gift: { credits: 3000 }, order: order(1000) });
    log(database.name, 'credits 3000 on order 1000', v4.status, JSON.stringify(v4.body.amount), JSON.stringify(v4.body.order?.total_discount_amount), JSON.stringify(v4.body.voucher?.gift));
    // redeem without order, no credits
    const v5 = await raw('POST', `/vouchers/${c4.code}/redemption`, {});
    log(database.name, 'redeem no order no credits', v5.status, v5.text.slice(0, 200));
    const v6 = await raw('POST', `/vouchers/${c4.code}/redemption`, { gift: { credits: 500 } });
    log(database.name, 'redeem no order credits 500', v6.status, JSON.stringify(v6.body.amount), JSON.stringify(v6.body.voucher?.gift));
    // spec
    for (const [m, p, s, b] of [
      ['post', '/v1/vouchers/{code}/redemption', 200, v4.body],
      ['post', '/v1/vouchers/{code}/redemption', 200, v6.body],
    ] as const)
      log(database.name, 'SPEC', p, specViolations(m, p, s, b).slice(0, 5));
    // disabled card: top up? redeem?
    const c7 = await giftCard(5000);
    await raw('POST', `/vouchers/${c7.code}/disable`);
    const t7 = await raw('POST', `/vouchers/${c7.code}/balance`, { amount: 100 });
    log(database.name, 'topup disabled', t7.status);
  });

  it('publication edge cases', async () => {
    const name = `PUB-${database.name}`;
    await sdk().campaigns.create({
      name,
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'STATIC',
      vouchers_count: 3,
      activity_duration_after_publishing: 'P1D',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
    } as never);
    const p1 = await raw('POST', '/publications', { campaign: name, customer: { source_id: 'alice' } });
    log(database.name, 'pub1', p1.status, p1.body.voucher?.code, p1.body.voucher?.expiration_date);
    log(database.name, 'SPEC pub', specViolations('post', '/v1/publications', 200, p1.body).slice(0, 8));
    await new Promise((r) => setTimeout(r, 1100));
    const p2 = await raw('POST', '/publications', { voucher: p1.body.voucher?.code, customer: { source_id: 'alice' } });
    log(database.name, 'republish same code same customer', p2.status, p2.body.voucher?.expiration_date, p2.body.voucher?.publish?.count);
    // join_once with a code already held but published to the same customer
    const j = await raw('POST', '/publications?join_once=true', { campaign: name, customer: { source_id: 'alice' } });
    log(database.name, 'join_once', j.status, j.body.id === p1.body.id, j.body.id === p2.body.id, j.body.voucher?.code);
    // source id replay with a different campaign spelling (id vs name)
    const s1 = await raw('POST', '/publications', { campaign: name, customer: { source_id: 'bob' }, source_id: `S-${database.name}` });
    const s2 = await raw('POST', '/publications', { campaign: { id: s1.body.campaign_id }, customer: { source_id: 'bob' }, source_id: `S-${database.name}` });
    const s3 = await raw('POST', '/publications', { campaign: name, customer: { id: s1.body.customer_id }, source_id: `S-${database.name}` });
    log(database.name, 'replay', s1.status, s2.status, s2.body.id === s1.body.id, s3.status, s3.body.id === s1.body.id);
    // FAILURE row & list
    const f = await raw('POST', '/publications', { campaign: name, customer: { source_id: 'carol' } });
    log(database.name, 'exhausted', f.status, f.text.slice(0, 300));
    const fails = await raw('GET', '/publications?result=FAILURE');
    log(database.name, 'fail list', fails.status, fails.body.total, JSON.stringify(fails.body.publications?.[0])?.slice(0, 400));
    log(database.name, 'SPEC list', specViolations('get', '/v1/publications', 200, fails.body).slice(0, 8));
    const all = await raw('GET', '/publications');
    log(database.name, 'SPEC list all', specViolations('get', '/v1/publications', 200, all.body).slice(0, 8));
    const wallet = await raw('GET', `/customers/${p1.body.customer_id}/redeemables`);
    log(database.name, 'SPEC wallet', wallet.status, specViolations('get', '/v1/customers/{customerId}/redeemables', 200, wallet.body).slice(0, 8));
    // client publish answer
    const name2 = `CLI-${database.name}`;
    await sdk().campaigns.create({
      name: name2,
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'STATIC',
      vouchers_count: 5,
      metadata: { secret: 'campaign-hidden' },
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
    } as never);
    await sdk().customers.create({ source_id: 'victim', email: 'victim@example.com', metadata: { vip: true } } as never);
    const cp = await raw('POST', `/publish?campaign=${name2}`, { customer: { source_id: 'victim' } }, true);
    log(database.name, 'client publish victim', cp.status, cp.text.slice(0, 1500));
    const cp2 = await raw('POST', `/publish?campaign=${name2}`, { customer: { source_id: 'bob' }, source_id: `S-${database.name}` }, true);
    log(database.name, 'client publish foreign source_id', cp2.status, cp2.text.slice(0, 400));
    const cp3 = await raw('POST', `/publish?campaign=${name}`, { customer: { source_id: 'bob' }, source_id: `S-${database.name}` }, true);
    log(database.name, 'client publish replay other publication', cp3.status, cp3.text.slice(0, 600));
    // client gift card validate / redeem
    const card = await giftCard(5000);
    await raw('POST', '/publications', { voucher: card.code, customer: { source_id: 'victim' } });
    const cv = await raw('POST', '/validate', { code: card.code }, true);
    log(database.name, 'client validate gift', cv.status, cv.text.slice(0, 600));
    const cr = await raw('POST', '/redeem', { code: card.code, gift: { credits: 100 } }, true);
    log(database.name, 'client redeem gift w/o customer', cr.status, cr.text.slice(0, 600));
    const cs = await raw('POST', '/validations', { redeemables: [{ object: 'voucher', id: card.code }] }, true);
    log(database.name, 'client stack validate gift', cs.status, cs.text.slice(0, 600));
  });

  it('AUTO_UPDATE with a tiny pattern', async () => {
    const name = `AU-${database.name}`;
    const c = await raw('POST', '/campaigns', {
      name,
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'AUTO_UPDATE',
      vouchers_count: 0,
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 }, code_config: { pattern: `${database.name}A#`, length: 1 } },
    });
    log(database.name, 'AU campaign', c.status, c.text.slice(0, 200));
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, i) => raw('POST', '/publications', { campaign: name, customer: { source_id: `au${i}` } })),
    );
    const codes = results.filter((r) => r.status === 200).map((r) => r.body.voucher?.code);
    log(database.name, 'AU statuses', results.map((r) => r.status).join(','), 'codes', codes.length, new Set(codes).size);
    log(database.name, 'AU fail sample', results.find((r) => r.status !== 200)?.text.slice(0, 300));
  });

  it('mixed parallel load on one customer', async () => {
    const before = await retried();
    const name = `MIX-${database.name}`;
    await raw('POST', '/campaigns', {
      name,
      campaign_type: 'GIFT_VOUCHERS',
      type: 'AUTO_UPDATE',
      vouchers_count: 5,
      voucher: { type: 'GIFT_VOUCHER', gift: { amount: 10000 } },
    });
    await sdk().customers.create({ source_id: 'mixer' } as never);
    const first = await Promise.all(
      Array.from({ length: 6 }, () => raw('POST', '/publications', { campaign: name, customer: { source_id: 'mixer' } })),
    );
    const codes = first.filter((r) => r.status === 200).map((r) => r.body.voucher.code as string);
    log(database.name, 'mix initial', first.map((r) => r.status).join(','), new Set(codes).size);
    const redemptionIds: string[] = [];
    const jobs: Promise<unknown>[] = [];
    for (let round = 0; round < 4; round++) {
      for (const c of codes) {
        jobs.push(
          raw('POST', `/vouchers/${c}/redemption`, { customer: { source_id: 'mixer' }, gift: { credits: 700 }, order: order(1000) }).then((r) => {
            if (r.status === 200) redemptionIds.push(r.body.id);
            if (r.status >= 500) log('500 redeem', r.text.slice(0, 200));
          }),
        );
        jobs.push(raw('POST', `/vouchers/${c}/balance`, { amount: round % 2 ? 300 : -300 }));
        jobs.push(
          raw('POST', '/redemptions', {
            customer: { source_id: 'mixer', metadata: { r: round } },
            redeemables: [{ object: 'voucher', id: c, gift: { credits: 200 } }, { object: 'voucher', id: codes[(codes.indexOf(c) + 1) % codes.length], gift: { credits: 100 } }],
            order: order(2000),
          }).then((r) => {
            if (r.status === 200) redemptionIds.push(r.body.parent_redemption.id);
            if (r.status >= 500) log('500 stack', r.text.slice(0, 200));
          }),
        );
      }
      jobs.push(raw('POST', '/publications', { campaign: name, customer: { source_id: 'mixer', metadata: { r: round } } }));
      jobs.push(raw('POST', '/publications?join_once=true', { campaign: name, customer: { source_id: 'mixer' } }));
      await new Promise((r) => setTimeout(r, 20));
      for (const id of redemptionIds.splice(0)) {
        jobs.push(
          raw('POST', `/redemptions/${id}/rollback`, { customer: { source_id: 'mixer', metadata: { rb: round } } }).then((r) => {
            if (r.status >= 500) log('500 rollback', r.text.slice(0, 200));
          }),
        );
      }
    }
    const settled = await Promise.allSettled(jobs);
    const statuses = settled.map((s) => (s.status === 'fulfilled' ? ((s.value as { status?: number })?.status ?? 'ok') : 'rej'));
    const counts: Record<string, number> = {};
    for (const s of statuses) counts[String(s)] = (counts[String(s)] ?? 0) + 1;
    log(database.name, 'mix statuses', JSON.stringify(counts));
    const after = await retried();
    log(database.name, 'RETRIED CONFLICTS', before, after, after - before);
    const check = (await checkCounters(server.store)).checks.filter((c) => (c.drifts ?? []).length > 0);
    log(database.name, 'doctor drifts', JSON.stringify(check.map((c) => ({ name: c.name, drifts: c.drifts?.length }))));
    for (const c of codes) {
      const v = loose(await sdk().vouchers.get(c));
      if (v.gift.balance < 0) log('NEGATIVE', c, v.gift);
    }
    expect(true).toBe(true);
  });
});
