import { randomIds } from '../../src/app/random-ids.js';
import type { Voucher } from '../../src/domain/vouchers/voucher.js';
import type { TestProject, TestServer } from './test-server.js';

/**
 * A standalone voucher stored directly, for tests of validation and redemption that do not
 * exercise the vouchers API itself.
 */
export async function storeVoucher(
  server: TestServer,
  overrides: Partial<Voucher> & { code: string },
  project: TestProject = server.project,
): Promise<Voucher> {
  const voucher: Voucher = {
    id: randomIds.newId('v_'),
    campaign_id: null,
    category_id: null,
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
    gift: null,
    loyalty_card: null,
    start_date: null,
    expiration_date: null,
    validity_timeframe: null,
    validity_day_of_week: null,
    validity_hours: null,
    redemption_quantity: null,
    is_referral_code: false,
    active: true,
    additional_info: null,
    metadata: {},
    holder_id: null,
    referrer_id: null,
    redeemed_quantity: 0,
    publish_count: 0,
    created_at: new Date().toISOString(),
    updated_at: null,
    ...overrides,
  };
  const inserted = await server.store.forProject(project.id).vouchers.insert({ voucher, codeKey: voucher.code });
  if (!inserted) throw new Error(`code ${voucher.code} is taken`);
  return voucher;
}
