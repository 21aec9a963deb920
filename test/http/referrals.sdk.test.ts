import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const REWARD = 1000;
const OPENING = 100;

describe.each(TEST_DATABASES)('referral programs through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  const raw = async (
    method: string,
    path: string,
    project: TestProject,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: {
        ...server.serverHeaders(project),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: loose(text ? JSON.parse(text) : null) };
  };

  async function giftCampaign(project: TestProject, name: string) {
    return loose(
      await server.sdk(project).campaigns.create({
        name,
        campaign_type: 'GIFT_VOUCHERS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'GIFT_VOUCHER', gift: { amount: OPENING } },
      } as never),
    );
  }

  async function referralCampaign(project: TestProject, name: string, program: Record<string, unknown>) {
    const answer = await raw('POST', '/campaigns', project, {
      name,
      campaign_type: 'REFERRAL_PROGRAM',
      type: 'AUTO_UPDATE',
      voucher: {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'AMOUNT', amount_off: 500 },
        redemption: { quantity: 100 },
      },
      referral_program: program,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectConformsToSpec('post', '/v1/campaigns', 200, answer.body);
    return answer.body;
  }

  /** A referral code published to a new referrer. */
  async function referralCode(project: TestProject, campaign: Loose, referrer: string) {
    const publication = loose(
      await server.sdk(project).distributions.publications.create({
        campaign: { id: campaign.id },
        customer: { source_id: referrer },
      } as never),
    );
    return { code: publication.voucher.code as string, referrerId: publication.customer_id as string };
  }

  const redeem = (project: TestProject, code: string, referee: string | null, headers: Record<string, string> = {}) =>
    raw(
      'POST',
      `/vouchers/${encodeURIComponent(code)}/redemption`,
      project,
      {
        ...(referee ? { customer: { source_id: referee } } : {}),
        order: { source_id: `order-of-${referee ?? 'nobody'}`, amount: 10000 },
      },
      headers,
    );

  /** The referrer's card in the gift campaign and its balance, or null when they hold none. */
  async function referrerCard(project: TestProject, referrerId: string, gift: Loose) {
    const listed = loose(
      await server.sdk(project).distributions.publications.list({ customer: referrerId, campaign: gift.name } as never),
    );
    const codes = new Set(
      (listed.publications as Loose[]).filter((p) => p.result === 'SUCCESS').map((p) => p.voucher?.code as string),
    );
    if (codes.size === 0) return null;
    expect(codes.size).toBe(1);
    const voucher = loose(await server.sdk(project).vouchers.get([...codes][0] as string));
    return { code: voucher.code as string, balance: voucher.gift.balance as number };
  }

  it('runs the whole journey: a referee redeems, the order names the referrer, the referrer earns credits once', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Referral credits');
    const campaign = await referralCampaign(project, 'Friends', {
      conversion_event_type: 'redemption',
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    expect(campaign.referral_program).toMatchObject({
      conversion_event_type: 'redemption',
      referrer_reward: {
        type: 'GIFT_VOUCHER',
        amount: REWARD,
        related_object_parent: { id: gift.id, object: 'CAMPAIGN' },
      },
    });
    expect(campaign.voucher.is_referral_code).toBe(true);
    const fetched = loose(await server.sdk(project).campaigns.get(campaign.id));
    expect(fetched.referral_program).toEqual(campaign.referral_program);
    expectConformsToSpec('get', '/v1/campaigns/{campaignId}', 200, fetched);

    const { code, referrerId } = await referralCode(project, campaign, 'referrer-1');
    const voucher = loose(await server.sdk(project).vouchers.get(code));
    expect(voucher).toMatchObject({ is_referral_code: true, holder_id: referrerId });
    expect(await referrerCard(project, referrerId, gift)).toBeNull();

    const redeemed = await redeem(project, code, 'referee-1');
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    expectConformsToSpec('post', '/v1/vouchers/{code}/redemption', 200, redeemed.body, 'legacy');
    expect(redeemed.body.order).toMatchObject({ referrer_id: referrerId, referrer: { id: referrerId } });
    const order = loose(await server.sdk(project).orders.get(redeemed.body.order.id));
    expect(order).toMatchObject({ referrer_id: referrerId });

    const card = await referrerCard(project, referrerId, gift);
    expect(card?.balance).toBe(OPENING + REWARD);

    const referee = loose(await server.sdk(project).customers.get(redeemed.body.customer.id));
    expectConformsToSpec('get', '/v1/customers/{customerId}', 200, referee);
    expect(referee.referrals).toEqual({
      total: 1,
      campaigns: [
        {
          campaign_id: campaign.id,
          referrer_id: referrerId,
          related_object_id: redeemed.body.id,
          related_object_type: 'redemption',
          date: expect.any(String),
        },
      ],
    });

    const holders = await raw('GET', `/referrals/members/${code}/holders`, project);
    expect(holders.status).toBe(200);
    expectConformsToSpec('get', '/v1/referrals/members/{memberId}/holders', 200, holders.body);
    expect(holders.body).toMatchObject({ object: 'list', data_ref: 'data', total: 2, has_more: false });
    expect((holders.body.data as Loose[]).map((h) => [h.holder_role, h.customer_id])).toEqual([
      ['REFERRER', referrerId],
      ['REFEREE', referee.id],
    ]);
    const inCampaign = await raw('GET', `/referrals/${campaign.id}/members/${code}/holders`, project);
    expect(inCampaign.body.total).toBe(2);
    expect((await raw('GET', `/referrals/${gift.id}/members/${code}/holders`, project)).status).toBe(404);
  });

  it('refuses the referrer redeeming their own code, a referral without customer, and loyalty rewards', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Credits');
    const campaign = await referralCampaign(project, 'Self', {
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { name: 'Credits' }, amount: REWARD },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'self-referrer');
    const own = await redeem(project, code, 'self-referrer');
    expect(own.status).toBe(400);
    expect(own.body).toMatchObject({ key: 'referrer_not_permitted_to_redeem', resource_type: 'redemption' });
    const anonymous = await redeem(project, code, null);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toMatchObject({ key: 'missing_customer' });
    expect(await referrerCard(project, referrerId, gift)).toBeNull();
    expect(loose(await server.sdk(project).vouchers.get(code)).redemption.redeemed_quantity).toBe(0);

    const loyalty = await raw('POST', '/campaigns', project, {
      name: 'Points',
      campaign_type: 'REFERRAL_PROGRAM',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 500 } },
      referral_program: {
        referrer_reward: { type: 'LOYALTY_CARD', related_object_parent: { id: gift.id }, amount: 5 },
      },
    });
    expect(loyalty.status).toBe(403);
    expect(loyalty.body).toMatchObject({
      key: 'missing_required_feature',
      details: expect.stringContaining('loyalty'),
    });
    const wrongType = await raw('POST', '/campaigns', project, {
      name: 'Wrong',
      campaign_type: 'REFERRAL_PROGRAM',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 500 } },
      referral_program: { referrer_reward: { type: 'DISCOUNT_VOUCHER', related_object_parent: { id: gift.id } } },
    });
    expect(wrongType.status).toBe(400);
    const list = loose(await server.sdk(project).campaigns.list({ campaign_type: 'REFERRAL_PROGRAM' } as never));
    expect((list.campaigns as Loose[]).map((c) => c.name)).toEqual(['Self']);
  });

  it('converts on the named custom event, publishes a reward code once, however often the event is retried', async () => {
    const project = await server.createProject();
    const rewards = loose(
      await server.sdk(project).campaigns.create({
        name: 'Thank-you codes',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
      } as never),
    );
    const campaign = await referralCampaign(project, 'Signups', {
      conversion_event_type: 'custom_event',
      custom_event: { name: 'signed_up' },
      referrer_reward: { type: 'DISCOUNT_VOUCHER', related_object_parent: { id: rewards.id } },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'event-referrer');
    const rewardCodes = async () => {
      const listed = loose(
        await server
          .sdk(project)
          .distributions.publications.list({ customer: referrerId, campaign: rewards.name } as never),
      );
      return listed.publications as Loose[];
    };

    const redeemed = await redeem(project, code, 'event-referee');
    expect(redeemed.status).toBe(200);
    expect(await rewardCodes()).toHaveLength(0);

    const other = loose(
      await server.sdk(project).events.create('browsed', {
        customer: { source_id: 'event-referee' },
        referral: { code },
      } as never),
    );
    expect(other).toMatchObject({ object: 'event', type: 'browsed' });
    expect(await rewardCodes()).toHaveLength(0);

    for (let attempt = 0; attempt < 3; attempt++) {
      const tracked = await raw('POST', '/events', project, {
        event: 'signed_up',
        customer: { source_id: 'event-referee' },
        referral: { code },
      });
      expect(tracked.status).toBe(200);
      expectConformsToSpec('post', '/v1/events', 200, tracked.body);
    }
    const storm = await Promise.all(
      Array.from({ length: 5 }, () =>
        raw('POST', '/events', project, {
          event: 'signed_up',
          customer: { source_id: 'event-referee' },
          referral: { code },
        }),
      ),
    );
    expect(storm.map((answer) => answer.status)).toEqual(Array(5).fill(200));
    const published = await rewardCodes();
    expect(published).toHaveLength(1);
    expect(published[0]?.voucher).toMatchObject({ campaign: rewards.name });
    const firstCode = published[0]?.voucher.code as string;
    expect(loose(await server.sdk(project).vouchers.get(firstCode))).toMatchObject({
      holder_id: referrerId,
      active: true,
    });

    const ownEvent = await raw('POST', '/events', project, {
      event: 'signed_up',
      customer: { id: referrerId },
      referral: { code },
    });
    expect(ownEvent.status).toBe(400);
    expect(ownEvent.body).toMatchObject({ key: 'referrer_not_permitted_to_redeem' });

    // An event alone makes a new customer a referee and converts them: a second reward code.
    const direct = await raw('POST', '/events', project, {
      event: 'signed_up',
      customer: { source_id: 'event-only-referee' },
      referral: { code },
    });
    expect(direct.status).toBe(200);
    expect(await rewardCodes()).toHaveLength(2);

    // Rolling back the redemption that made the first referee disables the code it earned.
    const rolledBack = loose(await server.sdk(project).redemptions.rollback(redeemed.body.id));
    expect(rolledBack.result).toBe('SUCCESS');
    expect(loose(await server.sdk(project).vouchers.get(firstCode)).active).toBe(false);
    const holders = await raw('GET', `/referrals/members/${code}/holders`, project);
    expect(holders.body.total).toBe(2);
  });

  it('rewards a redemption retried with the same Idempotency-Key once, and a second redemption by the same referee not at all', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Retry credits');
    const campaign = await referralCampaign(project, 'Retry', {
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'retry-referrer');
    const key = { 'Idempotency-Key': 'retry-conversion-1' };
    const first = await redeem(project, code, 'retry-referee', key);
    const again = await redeem(project, code, 'retry-referee', key);
    expect(first.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
    const second = await redeem(project, code, 'retry-referee');
    expect(second.status).toBe(200);
    expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
  });

  it('gives exactly 10 rewards for 10 parallel conversions, and takes a rolled-back one back exactly once', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Parallel credits');
    const campaign = await referralCampaign(project, 'Parallel', {
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'busy-referrer');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, k) => redeem(project, code, `crowd-${k}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const card = await referrerCard(project, referrerId, gift);
    expect(card?.balance).toBe(OPENING + 10 * REWARD);
    const ledger = loose(await (await raw('GET', `/vouchers/${card?.code}/transactions?limit=100`, project)).body);
    expect((ledger.data as Loose[]).filter((t) => t.type === 'CREDITS_ADDITION')).toHaveLength(10);

    const target = answers[0]?.body.id as string;
    const rollbacks = await Promise.all([
      raw('POST', `/redemptions/${target}/rollback`, project, {}),
      raw('POST', `/redemptions/${target}/rollback`, project, {}),
    ]);
    expect(rollbacks.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING + 9 * REWARD);
    const referee = loose(await server.sdk(project).customers.get(answers[0]?.body.customer.id));
    expect(referee.referrals).toEqual({ total: 0, campaigns: [] });
    const holders = await raw('GET', `/referrals/members/${code}/holders?limit=100`, project);
    expect(holders.body.total).toBe(10);
  });

  it('converts in a stacked redemption, refuses the referrer there too, and a stacked rollback takes the reward back', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Stack credits');
    const campaign = await referralCampaign(project, 'Stacked', {
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'stack-referrer');
    const sdk = server.sdk(project);
    const stack = (customer: string) =>
      sdk.redemptions.redeemStackable({
        redeemables: [{ object: 'voucher', id: code }],
        customer: { source_id: customer },
        order: { source_id: `stack-order-${customer}`, amount: 10000 },
      } as never);
    await expect(stack('stack-referrer')).rejects.toMatchObject({ code: 400, key: 'referrer_not_permitted_to_redeem' });
    expect(await referrerCard(project, referrerId, gift)).toBeNull();

    const redeemed = loose(await stack('stack-referee'));
    expectConformsToSpec('post', '/v1/redemptions', 200, redeemed);
    expect(redeemed.order).toMatchObject({ referrer_id: referrerId });
    expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
    const referee = loose(await sdk.customers.get(redeemed.parent_redemption.customer_id));
    expect(referee.referrals.campaigns[0]).toMatchObject({
      referrer_id: referrerId,
      related_object_id: redeemed.redemptions[0].id,
    });

    await sdk.redemptions.rollbackStackable(redeemed.parent_redemption.id, {} as never);
    expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING);
    expect(loose(await sdk.customers.get(referee.id)).referrals.total).toBe(0);
  });

  it('adds and removes referees by hand under /v1/referrals', async () => {
    const project = await server.createProject();
    const campaign = await referralCampaign(project, 'Manual', {});
    const { code, referrerId } = await referralCode(project, campaign, 'manual-referrer');
    const added = await raw('POST', `/referrals/${campaign.id}/members/${code}/holders`, project, {
      holders: [{ source_id: 'manual-a' }, { source_id: 'manual-b' }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expectConformsToSpec('post', '/v1/referrals/{campaignId}/members/{memberId}/holders', 200, added.body);
    const [a] = added.body.holders as Loose[];
    const self = await raw('POST', `/referrals/members/${code}/holders`, project, { holders: [{ id: referrerId }] });
    expect(self.body).toMatchObject({ key: 'referrer_not_permitted_to_redeem' });
    expect((await raw('DELETE', `/referrals/members/${code}/holders/${a?.id}`, project)).status).toBe(204);
    expect((await raw('DELETE', `/referrals/members/${code}/holders/${a?.id}`, project)).status).toBe(404);
    const page = await raw('GET', `/referrals/members/${code}/holders?limit=1`, project);
    expect(page.body).toMatchObject({ total: 2, has_more: true });
    const next = await raw(
      'GET',
      `/referrals/members/${code}/holders?limit=1&starting_after_id=${page.body.more_starting_after}`,
      project,
    );
    expect((next.body.data as Loose[]).map((h) => h.holder_role)).toEqual(['REFEREE']);
  });

  it.runIf(database.name === 'postgres')(
    'runs rollbacks, conversions and the referrer spending their card in parallel with zero retried conflicts',
    async () => {
      const project = await server.createProject();
      const gift = await giftCampaign(project, 'Contended credits');
      const campaign = await referralCampaign(project, 'Contended', {
        referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
      });
      const { code, referrerId } = await referralCode(project, campaign, 'contended-referrer');
      const early = [];
      for (let k = 0; k < 5; k++) early.push(await redeem(project, code, `early-${k}`));
      const card = await referrerCard(project, referrerId, gift);
      expect(card?.balance).toBe(OPENING + 5 * REWARD);
      const retried = async () => {
        const answer = await server.app.inject({ method: 'GET', url: '/metrics' });
        const line = answer.body.split('\n').find((t) => t.startsWith('vouch_transaction_conflicts_retried_total'));
        return Number(line?.split(' ')[1] ?? 0);
      };
      const before = await retried();
      const answers = await Promise.all([
        ...early.map((e) => raw('POST', `/redemptions/${e.body.id}/rollback`, project, {})),
        ...Array.from({ length: 5 }, (_, k) => redeem(project, code, `late-${k}`)),
        raw('POST', `/vouchers/${card?.code}/redemption`, project, {
          customer: { id: referrerId },
          order: { amount: 50 },
        }),
      ]);
      expect(answers.map((a) => a.status)).toEqual(Array(11).fill(200));
      expect(await retried()).toBe(before);
      expect((await referrerCard(project, referrerId, gift))?.balance).toBe(OPENING + 5 * REWARD - 50);
    },
  );
});
