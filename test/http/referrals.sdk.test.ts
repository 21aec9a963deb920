import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const REWARD = 1000;
const OPENING = 100;
const WELCOME = 700;

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

  /** The customer's card in the gift campaign and its balance, or null when they hold none. */
  async function giftCardOf(project: TestProject, customerId: string, gift: Loose) {
    const listed = loose(
      await server.sdk(project).distributions.publications.list({ customer: customerId, campaign: gift.name } as never),
    );
    const codes = new Set(
      (listed.publications as Loose[]).filter((p) => p.result === 'SUCCESS').map((p) => p.voucher?.code as string),
    );
    if (codes.size === 0) return null;
    expect(codes.size).toBe(1);
    const voucher = loose(await server.sdk(project).vouchers.get([...codes][0] as string));
    return { code: voucher.code as string, balance: voucher.gift.balance as number };
  }

  /** A card's ledger rows of one type. */
  async function ledgerOf(project: TestProject, code: string | undefined, type: string) {
    const answer = await raw('GET', `/vouchers/${code}/transactions?limit=100`, project);
    expect(answer.status).toBe(200);
    return (answer.body.data as Loose[]).filter((t) => t.type === type);
  }

  const refereeReward = (gift: Loose, amount = WELCOME) => ({
    type: 'GIFT_VOUCHER',
    related_object_parent: { id: gift.id },
    amount,
  });

  const retriedConflicts = async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/metrics' });
    const line = answer.body.split('\n').find((t) => t.startsWith('vouch_transaction_conflicts_retried_total'));
    return Number(line?.split(' ')[1] ?? 0);
  };

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
    expect(await giftCardOf(project, referrerId, gift)).toBeNull();

    // The shop redeems as it would with Voucherify: through the SDK, the referee named by source_id.
    const redeemed = loose(
      await server.sdk(project).redemptions.redeem(code, {
        customer: { source_id: 'referee-1' },
        order: { source_id: 'order-of-referee-1', amount: 10000 },
      } as never),
    );
    expectConformsToSpec('post', '/v1/vouchers/{code}/redemption', 200, redeemed, 'legacy');
    expect(redeemed.result).toBe('SUCCESS');
    expect(redeemed.order).toMatchObject({ referrer_id: referrerId, referrer: { id: referrerId } });
    const order = loose(await server.sdk(project).orders.get(redeemed.order.id));
    expect(order).toMatchObject({ referrer_id: referrerId });

    const card = await giftCardOf(project, referrerId, gift);
    expect(card?.balance).toBe(OPENING + REWARD);

    const referee = loose(await server.sdk(project).customers.get(redeemed.customer.id));
    expectConformsToSpec('get', '/v1/customers/{customerId}', 200, referee);
    expect(referee.referrals).toEqual({
      total: 1,
      campaigns: [
        {
          campaign_id: campaign.id,
          referrer_id: referrerId,
          related_object_id: redeemed.id,
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
    expect(await giftCardOf(project, referrerId, gift)).toBeNull();
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

  /** A STATIC campaign of `count` codes made at its creation, and no more. */
  async function staticCampaign(project: TestProject, name: string, count: number, gift = false) {
    return loose(
      await server.sdk(project).campaigns.create({
        name,
        campaign_type: gift ? 'GIFT_VOUCHERS' : 'DISCOUNT_COUPONS',
        type: 'STATIC',
        vouchers_count: count,
        voucher: gift
          ? { type: 'GIFT_VOUCHER', gift: { amount: OPENING } }
          : { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
      } as never),
    );
  }

  /** Every publication of the campaign, whatever its result. */
  async function publicationsOf(project: TestProject, campaign: Loose) {
    const listed = loose(
      await server.sdk(project).distributions.publications.list({ campaign: campaign.id, limit: 100 } as never),
    );
    return listed.publications as Loose[];
  }

  it('counts a conversion whose referrer reward has run out: the redemption succeeds, no reward is granted', async () => {
    const project = await server.createProject();
    const thanks = await staticCampaign(project, 'One thank-you', 1);
    const gift = await giftCampaign(project, 'Scarce welcome');
    const campaign = await referralCampaign(project, 'Scarce', {
      referrer_reward: { type: 'DISCOUNT_VOUCHER', related_object_parent: { id: thanks.id } },
      referee_reward: refereeReward(gift),
    });
    const { code, referrerId } = await referralCode(project, campaign, 'scarce-referrer');
    const first = await redeem(project, code, 'scarce-referee-1');
    const second = await redeem(project, code, 'scarce-referee-2');
    expect([first.status, second.status], JSON.stringify(second.body)).toEqual([200, 200]);
    expect(second.body).toMatchObject({ result: 'SUCCESS', order: { referrer_id: referrerId } });

    // Exactly one reward, the campaign's only code; the second conversion left no publication behind.
    const rewards = await publicationsOf(project, thanks);
    expect(rewards.map((p) => [p.result, p.customer_id])).toEqual([['SUCCESS', referrerId]]);
    const rewardCode = rewards[0]?.voucher.code as string;
    expect(loose(await server.sdk(project).vouchers.get(rewardCode))).toMatchObject({
      holder_id: referrerId,
      active: true,
      publish: { count: 1 },
    });
    // Both conversions counted: each referee got their own reward.
    for (const answer of [first, second]) {
      expect((await giftCardOf(project, answer.body.customer.id, gift))?.balance).toBe(OPENING + WELCOME);
    }
    expect(loose(await server.sdk(project).vouchers.get(code)).redemption.redeemed_quantity).toBe(2);

    // Rolling back the rewardless conversion takes back the referee's credits and nothing of the referrer's.
    const rolled = await raw('POST', `/redemptions/${second.body.id}/rollback`, project, {});
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await giftCardOf(project, second.body.customer.id, gift))?.balance).toBe(OPENING);
    expect(loose(await server.sdk(project).vouchers.get(rewardCode)).active).toBe(true);
  });

  it('counts conversions whose gift rewards come from an empty STATIC campaign, granting nothing and writing nothing there', async () => {
    const project = await server.createProject();
    const empty = await staticCampaign(project, 'No credits left', 0, true);
    const campaign = await referralCampaign(project, 'Empty-handed', {
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: empty.id }, amount: REWARD },
      referee_reward: refereeReward(empty),
    });
    const { code, referrerId } = await referralCode(project, campaign, 'empty-referrer');
    const answers = [await redeem(project, code, 'empty-referee-1'), await redeem(project, code, 'empty-referee-2')];
    expect(
      answers.map((a) => a.status),
      JSON.stringify(answers[1]?.body),
    ).toEqual([200, 200]);
    for (const customerId of [referrerId, ...answers.map((a) => a.body.customer.id as string)]) {
      expect(await giftCardOf(project, customerId, empty)).toBeNull();
    }
    expect(await publicationsOf(project, empty)).toEqual([]);
    const referee = loose(await server.sdk(project).customers.get(answers[1]?.body.customer.id));
    expect(referee.referrals).toMatchObject({ total: 1, campaigns: [{ referrer_id: referrerId }] });

    // A code added to the campaign later goes to the next conversion's referrer, then none is left for its referee.
    await raw('POST', '/vouchers/LATE-CARD', project, { campaign_id: empty.id });
    expect((await redeem(project, code, 'empty-referee-3')).status).toBe(200);
    expect((await giftCardOf(project, referrerId, empty))?.balance).toBe(OPENING + REWARD);
    const rewards = await publicationsOf(project, empty);
    expect(rewards.map((p) => [p.result, p.customer_id, p.voucher.code])).toEqual([
      ['SUCCESS', referrerId, 'LATE-CARD'],
    ]);
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
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
    const second = await redeem(project, code, 'retry-referee');
    expect(second.status).toBe(200);
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
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
    const card = await giftCardOf(project, referrerId, gift);
    expect(card?.balance).toBe(OPENING + 10 * REWARD);
    const ledger = loose(await (await raw('GET', `/vouchers/${card?.code}/transactions?limit=100`, project)).body);
    expect((ledger.data as Loose[]).filter((t) => t.type === 'CREDITS_ADDITION')).toHaveLength(10);

    const target = answers[0]?.body.id as string;
    const rollbacks = await Promise.all([
      raw('POST', `/redemptions/${target}/rollback`, project, {}),
      raw('POST', `/redemptions/${target}/rollback`, project, {}),
    ]);
    expect(rollbacks.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + 9 * REWARD);
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
    expect(await giftCardOf(project, referrerId, gift)).toBeNull();

    const redeemed = loose(await stack('stack-referee'));
    expectConformsToSpec('post', '/v1/redemptions', 200, redeemed);
    expect(redeemed.order).toMatchObject({ referrer_id: referrerId });
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);
    const referee = loose(await sdk.customers.get(redeemed.parent_redemption.customer_id));
    expect(referee.referrals.campaigns[0]).toMatchObject({
      referrer_id: referrerId,
      related_object_id: redeemed.redemptions[0].id,
    });

    await sdk.redemptions.rollbackStackable(redeemed.parent_redemption.id, {} as never);
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING);
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

  it('grants the referee reward at the conversion by redemption, once however retried, and shows it as the spec shapes it', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Welcome credits');
    const campaign = await referralCampaign(project, 'Welcome', {
      referee_reward: { ...refereeReward(gift), related_object_parent: { name: 'Welcome credits' } },
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    expect(campaign.referral_program.referee_reward).toEqual({
      type: 'GIFT_VOUCHER',
      amount: WELCOME,
      related_object_parent: { id: gift.id, name: 'Welcome credits', object: 'CAMPAIGN' },
    });
    const fetched = loose(await server.sdk(project).campaigns.get(campaign.id));
    expectConformsToSpec('get', '/v1/campaigns/{campaignId}', 200, fetched);
    expect(fetched.referral_program).toEqual(campaign.referral_program);

    const { code, referrerId } = await referralCode(project, campaign, 'welcome-referrer');
    const key = { 'Idempotency-Key': 'welcome-conversion-1' };
    const first = await redeem(project, code, 'welcome-referee', key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await redeem(project, code, 'welcome-referee', key);
    expect(again.body.id).toBe(first.body.id);
    const refereeId = first.body.customer.id as string;
    const card = await giftCardOf(project, refereeId, gift);
    expect(card?.balance).toBe(OPENING + WELCOME);
    expect(await ledgerOf(project, card?.code, 'CREDITS_ADDITION')).toHaveLength(1);
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + REWARD);

    // A second redemption by the same referee is no second conversion.
    const second = await redeem(project, code, 'welcome-referee');
    expect(second.status).toBe(200);
    expect((await giftCardOf(project, refereeId, gift))?.balance).toBe(OPENING + WELCOME);

    // A referee who already holds a card of the gift campaign is credited there, no second card.
    const held = loose(
      await server.sdk(project).distributions.publications.create({
        campaign: { id: gift.id },
        customer: { source_id: 'welcome-holder' },
      } as never),
    );
    expect((await redeem(project, code, 'welcome-holder')).status).toBe(200);
    const heldCard = await giftCardOf(project, held.customer_id, gift);
    expect(heldCard).toEqual({ code: held.voucher.code, balance: OPENING + WELCOME });

    const updated = loose(
      await server.sdk(project).campaigns.update(campaign.id, {
        referral_program: { referee_reward: refereeReward(gift, 300) },
      } as never),
    );
    expectConformsToSpec('put', '/v1/campaigns/{campaignId}', 200, updated);
    expect(updated.referral_program).toEqual({
      conversion_event_type: 'redemption',
      referee_reward: {
        type: 'GIFT_VOUCHER',
        amount: 300,
        related_object_parent: { id: gift.id, name: gift.name, object: 'CAMPAIGN' },
      },
    });
  });

  it('takes the referee reward back with the converting redemption, never below zero, and converts again after', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Rollback welcome');
    const campaign = await referralCampaign(project, 'Rollback', { referee_reward: refereeReward(gift) });
    const { code } = await referralCode(project, campaign, 'rb-referrer');
    const kept = await redeem(project, code, 'rb-keeper');
    const spender = await redeem(project, code, 'rb-spender');
    expect([kept.status, spender.status]).toEqual([200, 200]);
    const keeperCard = await giftCardOf(project, kept.body.customer.id, gift);
    const spenderCard = await giftCardOf(project, spender.body.customer.id, gift);
    expect([keeperCard?.balance, spenderCard?.balance]).toEqual([OPENING + WELCOME, OPENING + WELCOME]);

    // The spender spends all but 50 of their credits; the rollback takes back only what is left.
    const spent = await raw('POST', `/vouchers/${spenderCard?.code}/redemption`, project, {
      customer: { id: spender.body.customer.id },
      order: { amount: OPENING + WELCOME - 50 },
    });
    expect(spent.status, JSON.stringify(spent.body)).toBe(200);
    const rolled = loose(await server.sdk(project).redemptions.rollback(spender.body.id));
    expect(rolled.result).toBe('SUCCESS');
    expect((await giftCardOf(project, spender.body.customer.id, gift))?.balance).toBe(0);
    const removals = await ledgerOf(project, spenderCard?.code, 'CREDITS_REMOVAL');
    expect(removals.map((t) => t.details.balance.amount)).toEqual([-50]);

    const keeperRollback = await raw('POST', `/redemptions/${kept.body.id}/rollback`, project, {});
    expect(keeperRollback.status).toBe(200);
    expect((await giftCardOf(project, kept.body.customer.id, gift))?.balance).toBe(OPENING);
    expect(await raw('POST', `/redemptions/${kept.body.id}/rollback`, project, {})).toMatchObject({ status: 400 });
    expect((await giftCardOf(project, kept.body.customer.id, gift))?.balance).toBe(OPENING);

    // Unlinked by the rollback, the referee converts again on their next redemption.
    expect((await redeem(project, code, 'rb-keeper')).status).toBe(200);
    expect((await giftCardOf(project, kept.body.customer.id, gift))?.balance).toBe(OPENING + WELCOME);
  });

  it('grants the referee reward on the named custom event once, however often the event is sent', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Signup credits');
    const campaign = await referralCampaign(project, 'Signup welcome', {
      conversion_event_type: 'custom_event',
      custom_event: { name: 'signed_up' },
      referee_reward: refereeReward(gift),
    });
    const { code } = await referralCode(project, campaign, 'signup-referrer');
    const redeemed = await redeem(project, code, 'signup-referee');
    expect(redeemed.status).toBe(200);
    const refereeId = redeemed.body.customer.id as string;
    // Made a referee by the redemption, not converted yet: nothing granted.
    expect(await giftCardOf(project, refereeId, gift)).toBeNull();

    const track = (customer: string) =>
      server
        .sdk(project)
        .events.create('signed_up', { customer: { source_id: customer }, referral: { code } } as never);
    await track('signup-referee');
    await Promise.all(Array.from({ length: 5 }, () => track('signup-referee')));
    const card = await giftCardOf(project, refereeId, gift);
    expect(card?.balance).toBe(OPENING + WELCOME);
    expect(await ledgerOf(project, card?.code, 'CREDITS_ADDITION')).toHaveLength(1);

    const direct = loose(await track('signup-direct'));
    expect((await giftCardOf(project, direct.customer.id, gift))?.balance).toBe(OPENING + WELCOME);
  });

  it('refuses a loyalty referee reward and a referee reward from a missing or wrong campaign, changing nothing', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Refusal credits');
    const coupons = loose(
      await server.sdk(project).campaigns.create({
        name: 'Plain coupons',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10 } },
      } as never),
    );
    const create = (name: string, referee: unknown) =>
      raw('POST', '/campaigns', project, {
        name,
        campaign_type: 'REFERRAL_PROGRAM',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 500 } },
        referral_program: { referee_reward: referee },
      });
    const loyalty = await create('Points', { type: 'LOYALTY_CARD', related_object_parent: { id: gift.id }, amount: 5 });
    expect(loyalty.status).toBe(403);
    expect(loyalty.body).toMatchObject({
      key: 'missing_required_feature',
      details: expect.stringContaining('loyalty programs'),
    });
    const missing = await create('Missing', { ...refereeReward(gift), related_object_parent: { id: 'camp_nothing' } });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ key: 'not_found', resource_type: 'campaign' });
    const wrongType = await create('Wrong', { ...refereeReward(gift), related_object_parent: { id: coupons.id } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details).toContain('GIFT_VOUCHERS');
    for (const amount of [0, -100, 12.5, null]) {
      const bad = await create(`Amount ${amount}`, refereeReward(gift, amount as number));
      expect(bad.status, String(amount)).toBe(400);
    }
    const discount = await create('Discount', { ...refereeReward(gift), type: 'DISCOUNT_VOUCHER' });
    expect(discount.status).toBe(400);

    const campaign = await referralCampaign(project, 'Kept', { referee_reward: refereeReward(gift) });
    const update = (referee: unknown) =>
      raw('PUT', `/campaigns/${campaign.id}`, project, { referral_program: { referee_reward: referee } });
    expect(
      (await update({ type: 'LOYALTY_CARD', related_object_parent: { id: gift.id }, amount: 5 })).body,
    ).toMatchObject({ code: 403, key: 'missing_required_feature' });
    expect((await update({ ...refereeReward(gift), related_object_parent: { id: coupons.id } })).status).toBe(400);
    const list = loose(await server.sdk(project).campaigns.list({ campaign_type: 'REFERRAL_PROGRAM' } as never));
    expect((list.campaigns as Loose[]).map((c) => c.name)).toEqual(['Kept']);
    const kept = loose(await server.sdk(project).campaigns.get(campaign.id));
    expect(kept.referral_program.referee_reward).toMatchObject({ type: 'GIFT_VOUCHER', amount: WELCOME });
  });

  it('gives 8 parallel referees exactly their own credits, and the referrer exactly 8 rewards', async () => {
    const project = await server.createProject();
    const gift = await giftCampaign(project, 'Crowd welcome');
    const campaign = await referralCampaign(project, 'Crowd', {
      referee_reward: refereeReward(gift),
      referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
    });
    const { code, referrerId } = await referralCode(project, campaign, 'crowd-referrer');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, k) => redeem(project, code, `newcomer-${k}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const cards = await Promise.all(answers.map((a) => giftCardOf(project, a.body.customer.id, gift)));
    expect(cards.map((c) => c?.balance)).toEqual(Array(8).fill(OPENING + WELCOME));
    expect(new Set(cards.map((c) => c?.code)).size).toBe(8);
    for (const card of cards) expect(await ledgerOf(project, card?.code, 'CREDITS_ADDITION')).toHaveLength(1);
    expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + 8 * REWARD);
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
      const card = await giftCardOf(project, referrerId, gift);
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
      expect((await giftCardOf(project, referrerId, gift))?.balance).toBe(OPENING + 5 * REWARD - 50);
    },
  );

  it.runIf(database.name === 'postgres')(
    'runs conversions with referee rewards, their rollbacks and crosswise referrals in parallel with zero retried conflicts',
    async () => {
      const project = await server.createProject();
      const gift = await giftCampaign(project, 'Cross credits');
      const program = {
        referee_reward: refereeReward(gift),
        referrer_reward: { type: 'GIFT_VOUCHER', related_object_parent: { id: gift.id }, amount: REWARD },
      };
      const left = await referralCampaign(project, 'Left', program);
      const right = await referralCampaign(project, 'Right', program);
      const before = await retriedConflicts();
      for (let round = 0; round < 4; round++) {
        // P refers Q in one campaign while Q refers P in the other: each conversion credits both cards.
        const p = `cross-p-${round}`;
        const q = `cross-q-${round}`;
        const ofP = await referralCode(project, left, p);
        const ofQ = await referralCode(project, right, q);
        for (const customer of [ofP.referrerId, ofQ.referrerId]) {
          await server.sdk(project).distributions.publications.create({
            campaign: { id: gift.id },
            customer: { id: customer },
          } as never);
        }
        const early = await redeem(project, ofP.code, `cross-early-${round}`);
        const answers = await Promise.all([
          redeem(project, ofP.code, q),
          redeem(project, ofQ.code, p),
          raw('POST', `/redemptions/${early.body.id}/rollback`, project, {}),
          ...Array.from({ length: 3 }, (_, k) => redeem(project, ofQ.code, `cross-late-${round}-${k}`)),
        ]);
        expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
        expect((await giftCardOf(project, ofP.referrerId, gift))?.balance).toBe(OPENING + REWARD + WELCOME);
        expect((await giftCardOf(project, ofQ.referrerId, gift))?.balance).toBe(OPENING + 4 * REWARD + WELCOME);
        expect((await giftCardOf(project, early.body.customer.id, gift))?.balance).toBe(OPENING);
      }
      expect(await retriedConflicts()).toBe(before);
    },
  );
});
