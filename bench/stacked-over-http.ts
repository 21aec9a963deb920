/**
 * The stacked checkout of `npm run bench`: a unique single-use code, a shared unlimited 5%-off
 * code and an automatic promotion tier, validated and redeemed together in one request
 * (POST /v1/validations and POST /v1/redemptions) with the bench cart.
 */

import type { ProjectContext } from '../src/app/context.js';
import { BENCH_CART, seedVouchers } from './bench-fixtures.js';
import { type BenchFigures, measure } from './http-bench.js';

const STACK_PREFIX = 'STACK-';
const STACK_CODES = 50_000;
const SHARED_CODE = 'STACK-SHARED';

/** The codes, the shared code and the promotion tier, made through the API a shop would call. */
export async function seedStack(ctx: ProjectContext, url: string, headers: Record<string, string>): Promise<string> {
  await seedVouchers(ctx.store, STACK_PREFIX, STACK_CODES);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  await post(`/v1/vouchers/${SHARED_CODE}`, {
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'PERCENT', percent_off: 5, effect: 'APPLY_TO_ORDER' },
  });
  const campaign = await post('/v1/campaigns', {
    name: 'Bench promotion',
    campaign_type: 'PROMOTION',
    promotion: {
      tiers: [{ name: 'Two off', action: { discount: { type: 'AMOUNT', amount_off: 200, effect: 'APPLY_TO_ORDER' } } }],
    },
  });
  const promotion = campaign.promotion as { tiers: { id: string }[] };
  return promotion.tiers[0]?.id as string;
}

/** The stacked request body with `{n}` for the unique code, as the load generator fills it in. */
function stackBody(tierId: string): string {
  const cart = JSON.parse(BENCH_CART) as Record<string, unknown>;
  return JSON.stringify({
    ...cart,
    redeemables: [
      { object: 'voucher', id: `${STACK_PREFIX}{n}` },
      { object: 'voucher', id: SHARED_CODE },
      { object: 'promotion_tier', id: tierId },
    ],
  });
}

export async function measureStacked(
  url: string,
  headers: Record<string, string>,
  tierId: string,
  seconds: number,
): Promise<BenchFigures[]> {
  const body = stackBody(tierId);
  const common = { method: 'POST' as const, headers, body };
  return [
    await measure(
      'POST /v1/validations (3 stacked)',
      url,
      { ...common, path: '/v1/validations', sequence: { step: 7919, modulo: STACK_CODES } },
      seconds,
    ),
    await measure(
      'POST /v1/redemptions (3 stacked)',
      url,
      { ...common, path: '/v1/redemptions', sequence: { modulo: STACK_CODES } },
      seconds,
    ),
  ];
}
