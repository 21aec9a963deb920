/**
 * The validation-rules load of `npm run bench`: one voucher with 1,000 assigned validation rules,
 * every one of which the cart meets (so each request evaluates all of them), validated with a
 * 100-line cart over HTTP. Rules mix order amount, item presence with nested quantities, order and
 * customer metadata, absent items and a per-customer count, under and/or/not logic.
 */

import type { ProjectContext } from '../src/app/context.js';
import { createValidationRule } from '../src/app/validation-rules/create-validation-rule.js';
import { createValidationRuleAssignment } from '../src/app/validation-rules/create-validation-rule-assignment.js';
import { blankVoucher } from '../src/app/vouchers/voucher-fields.js';
import { type BenchFigures, measure } from './http-bench.js';

const RULES_VOUCHER = 'RULES-1000';
const RULE_COUNT = 1000;
const LINES = 100;

/** The 100-line cart every request sends: lines `line-0` … `line-99`, a gold customer, a channel. */
const RULES_CART = JSON.stringify({
  customer: { source_id: 'rules-bench', metadata: { tier: 'gold' } },
  order: {
    metadata: { channel: 'web' },
    items: Array.from({ length: LINES }, (_, i) => ({
      source_id: `line-${i}`,
      related_object: 'product',
      quantity: 1 + (i % 3),
      price: 1000 + 10 * i,
    })),
  },
});

/** Rule `n`'s definition: chosen by n so every run builds the same thousand, each met by the cart. */
function passingRules(n: number): Record<string, unknown> {
  const line = `line-${(n * 37) % LINES}`;
  const kinds = [
    { name: 'order.amount', conditions: { $more_than: [n * 10] } },
    {
      name: 'order.items.any',
      conditions: { $is: [{ source_id: line, object: 'product' }] },
      rules: { 1: { name: 'order.items.quantity', conditions: { $more_than_or_equal: [1] } }, logic: '1' },
    },
    { name: 'order.metadata', property: 'channel', conditions: { $in: ['web', 'app'] } },
    { name: 'customer.metadata', property: 'tier', conditions: { $is: ['gold'] } },
    { name: 'order.items.none', conditions: { $in: [{ source_id: `absent-${n}`, object: 'product' }] } },
    { name: 'redemption.count.per_customer', conditions: { $less_than_or_equal: [1_000_000] } },
  ];
  const first = kinds[n % kinds.length];
  const second = kinds[(n * 7 + 3) % kinds.length];
  const logic = ['1', '1 and 2', '1 or not 2', '(1 and 2) or 1'][n % 4];
  return { 1: first, 2: second, logic };
}

/** The voucher and its thousand rules, made through the use cases a client's requests run. */
export async function seedRulesVoucher(ctx: ProjectContext): Promise<void> {
  const now = new Date().toISOString();
  await ctx.store.transaction((store) =>
    store.vouchers.insertMany([
      {
        codeKey: RULES_VOUCHER,
        voucher: {
          ...blankVoucher(ctx.ids.newId('v_'), RULES_VOUCHER, null, now),
          type: 'DISCOUNT_VOUCHER' as const,
          discount: { type: 'PERCENT' as const, percent_off: 10 },
          active: true,
        },
      },
    ]),
  );
  for (let n = 0; n < RULE_COUNT; n += 1) {
    const rule = await createValidationRule(ctx, { name: `bench rule ${n}`, rules: passingRules(n) });
    await createValidationRuleAssignment(ctx, rule.id, { voucher: RULES_VOUCHER });
  }
}

export function measureRulesValidation(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<BenchFigures> {
  return measure(
    `POST validate, ${RULE_COUNT} rules/${LINES} lines`,
    url,
    { method: 'POST', path: `/v1/vouchers/${RULES_VOUCHER}/validate`, headers, body: RULES_CART },
    seconds,
  );
}
