import { describe, expect, it } from 'vitest';
import { vouchersFromCsvRecords } from './voucher-csv.js';

describe('vouchersFromCsvRecords', () => {
  it.each<{ name: string; record: Record<string, string>; row: object }>([
    {
      name: 'an amount discount with every standard column',
      record: {
        Code: 'A-1',
        'Voucher Type': 'discount_voucher',
        Value: '1500',
        'Discount Type': 'amount',
        Category: 'Summer',
        'Start Date': '2030-01-01',
        'Expiration Date': '2030-02-01',
        'Redemption Limit': '3',
        'Redeemed Quantity': '1',
        Active: 'FALSE',
        'Additional Info': 'note',
      },
      row: {
        code: 'A-1',
        type: 'DISCOUNT_VOUCHER',
        redeemed_quantity: 1,
        fields: {
          discount: { type: 'AMOUNT', amount_off: 1500 },
          category: 'Summer',
          start_date: '2030-01-01',
          expiration_date: '2030-02-01',
          redemption: { quantity: 3 },
          active: false,
          additional_info: 'note',
        },
      },
    },
    {
      name: 'a percent discount, headers in any case and spacing, other columns as metadata',
      record: { code: 'P-1', voucher_type: 'DISCOUNT_VOUCHER', value: '12.5', DISCOUNT_TYPE: 'PERCENT', Colour: 'red' },
      row: { code: 'P-1', fields: { discount: { type: 'PERCENT', percent_off: 12.5 }, metadata: { Colour: 'red' } } },
    },
    {
      name: 'a unit discount naming its product',
      record: {
        Code: 'U-1',
        'Voucher Type': 'DISCOUNT_VOUCHER',
        Value: '2',
        'Discount Type': 'UNIT',
        'Unit Type': 'prod_1',
      },
      row: {
        fields: { discount: { type: 'UNIT', unit_off: 2, unit_type: 'prod_1', effect: 'ADD_MISSING_ITEMS' } },
      },
    },
    {
      name: 'empty cells, which set nothing',
      record: { Code: 'E-1', 'Voucher Type': 'DISCOUNT_VOUCHER', Category: '', Colour: ' ' },
      row: { code: 'E-1', fields: {} },
    },
  ])('reads $name', ({ record, row }) => {
    const [read] = vouchersFromCsvRecords([record], 'standalone');
    expect(read).toMatchObject({ row: 1, ...row });
    expect(read?.problem).toBeUndefined();
  });

  it.each<{ record: Record<string, string>; problem: string }>([
    { record: { Code: '', 'Voucher Type': 'DISCOUNT_VOUCHER' }, problem: 'Code is required' },
    { record: { Code: 'X' }, problem: 'Voucher Type is required' },
    {
      record: { Code: 'X', 'Voucher Type': 'DISCOUNT_VOUCHER', Active: 'yes' },
      problem: 'Active must be true or false',
    },
    {
      record: { Code: 'X', 'Voucher Type': 'DISCOUNT_VOUCHER', 'Redemption Limit': '-1' },
      problem: 'Redemption Limit must be a whole number',
    },
    {
      record: { Code: 'X', 'Voucher Type': 'DISCOUNT_VOUCHER', 'Redeemed Quantity': '1.5' },
      problem: 'Redeemed Quantity must be a whole number',
    },
  ])('marks a row that cannot be imported: $problem', ({ record, problem }) => {
    const [read] = vouchersFromCsvRecords([record], 'standalone');
    expect(read?.problem).toContain(problem);
  });

  it('reads only the columns a campaign takes; the discount comes from the campaign', () => {
    const [read] = vouchersFromCsvRecords(
      [{ Code: 'C-1', Value: '10', 'Discount Type': 'PERCENT', Active: 'true', 'Gift Amount': '100', Note: 'n' }],
      'campaign',
    );
    expect(read).toEqual({ row: 1, code: 'C-1', fields: { active: true, metadata: { Note: 'n' } } });
  });

  it('refuses a file without a Code column whole', () => {
    expect(() => vouchersFromCsvRecords([{ Name: 'x' }], 'standalone')).toThrow(
      expect.objectContaining({ key: 'invalid_csv_file' }),
    );
  });
});
