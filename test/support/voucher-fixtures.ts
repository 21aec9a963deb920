import { randomIds } from '../../src/app/random-ids.js';
import { blankVoucher } from '../../src/app/vouchers/voucher-fields.js';
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
    ...blankVoucher(randomIds.newId('v_'), overrides.code, null, new Date().toISOString()),
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
    is_referral_code: false,
    active: true,
    ...overrides,
  };
  const inserted = await server.store.forProject(project.id).vouchers.insert({ voucher, codeKey: voucher.code });
  if (!inserted) throw new Error(`code ${voucher.code} is taken`);
  return voucher;
}
