import type { ProjectStore } from '../src/app/ports.js';
import { randomIds } from '../src/app/random-ids.js';
import { blankVoucher } from '../src/app/vouchers/voucher-fields.js';

/** The cart every cart benchmark sends: a known customer, one line of two shirts. */
export const BENCH_CART = JSON.stringify({
  customer: { source_id: 'bench-7' },
  order: { amount: 20000, items: [{ source_id: 'shirt', related_object: 'product', quantity: 2, price: 10000 }] },
});

/** Single-use 10%-off codes `${prefix}0` … `${prefix}${count - 1}`, stored directly: the bench measures their use. */
export async function seedVouchers(store: ProjectStore, prefix: string, count: number): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, count - start) }, (_, i) => {
      const code = `${prefix}${start + i}`;
      return {
        codeKey: code,
        voucher: {
          ...blankVoucher(randomIds.newId('v_'), code, null, now),
          type: 'DISCOUNT_VOUCHER' as const,
          discount: { type: 'PERCENT' as const, percent_off: 10 },
          redemption_quantity: 1,
          active: true,
        },
      };
    });
    await store.transaction((tx) => tx.vouchers.insertMany(batch));
  }
}
