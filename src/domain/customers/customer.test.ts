import { describe, expect, it } from 'vitest';
import { applyCustomerChanges, newCustomer } from './customer.js';
import { customersFromCsvRecords } from './customer-csv.js';

const now = '2026-01-01T00:00:00.000Z';
const later = '2026-01-02T00:00:00.000Z';

describe('customer changes', () => {
  const base = newCustomer(
    'cust_1',
    { name: 'Ann', address: { city: 'Oslo', line_1: 'Main 1' }, metadata: { a: 1 } },
    now,
  );

  it('creates with nulls for what was not given and no updated_at', () => {
    expect(base).toMatchObject({ id: 'cust_1', email: null, source_id: null, created_at: now, updated_at: null });
    expect(base.address).toEqual({
      city: 'Oslo',
      line_1: 'Main 1',
      line_2: null,
      state: null,
      country: null,
      postal_code: null,
    });
  });

  it.each([
    ['leaves absent fields alone', { email: 'ann@example.com' }, { name: 'Ann', email: 'ann@example.com' }],
    ['clears a field given as null', { name: null }, { name: null }],
    [
      'merges an address field by field',
      { address: { city: 'Bergen' } },
      { address: expect.objectContaining({ city: 'Bergen', line_1: 'Main 1' }) },
    ],
    ['clears the address with null', { address: null }, { address: null }],
    ['replaces metadata as a whole', { metadata: { b: 2 } }, { metadata: { b: 2 } }],
    ['empties metadata given as null', { metadata: null }, { metadata: {} }],
  ] as const)('%s', (_name, changes, expected) => {
    const updated = applyCustomerChanges(base, changes, later);
    expect(updated).toMatchObject(expected);
    expect(updated.updated_at).toBe(later);
    expect(updated.created_at).toBe(now);
  });

  it('drops an address whose fields all became null', () => {
    expect(applyCustomerChanges(base, { address: { city: null, line_1: null } }, later).address).toBeNull();
  });
});

describe('customers from CSV records', () => {
  it('maps standard headers case-insensitively and keeps other columns as metadata', () => {
    const [row] = customersFromCsvRecords([
      { Source_id: 's1', NAME: 'Ann', Address_City: 'Oslo', Address_Postal_Code: '0150', Favourite: 'tea', Empty: '' },
    ]);
    expect(row).toEqual({
      source_id: 's1',
      name: 'Ann',
      address: { city: 'Oslo', postal_code: '0150' },
      metadata: { Favourite: 'tea' },
    });
  });

  it('refuses a birthdate that is not YYYY-MM-DD, naming the row', () => {
    expect(() => customersFromCsvRecords([{ Birthdate: '1/2/2000' }])).toThrow(
      expect.objectContaining({ key: 'invalid_csv_file', details: expect.stringMatching(/row 2/) }),
    );
  });
});
