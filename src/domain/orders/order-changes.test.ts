import { describe, expect, it } from 'vitest';
import { applyOrderChanges, newOrder } from './order-changes.js';
import { priceOrderItem } from './price-order.js';

const none = { product: null, sku: null };
const now = '2026-01-01T00:00:00.000Z';
const later = '2026-01-02T00:00:00.000Z';
const lines = (...amounts: number[]) => amounts.map((amount, i) => priceOrderItem({ amount }, none, i));

describe('orders changing', () => {
  const order = newOrder('ord_1', { items: lines(1000, 2000), status: 'CREATED', metadata: { a: 1 } }, now);

  it('starts CREATED, summing its lines, with the time of creation', () => {
    expect(order).toMatchObject({
      status: 'CREATED',
      amount: 3000,
      total_amount: 3000,
      created_at: now,
      updated_at: null,
    });
    expect(newOrder('ord_2', { created_at: '2020-05-05T00:00:00.000Z' }, now)).toMatchObject({
      amount: 0,
      created_at: '2020-05-05T00:00:00.000Z',
    });
  });

  it.each([
    ['2020-05-05T12:00:00Z', '2020-05-05T12:00:00.000Z'],
    ['2020-05-05T12:00:00.5+02:00', '2020-05-05T10:00:00.500Z'],
    ['2020-05-05t12:00:00.123z', '2020-05-05T12:00:00.123Z'],
  ])('keeps a given creation time %s as %s', (given, stored) => {
    expect(newOrder('ord_3', { created_at: given }, now).created_at).toBe(stored);
  });

  it('refuses a creation time that is no time', () => {
    expect(() => newOrder('ord_4', { created_at: '2020-02-30T25:61:00Z' }, now)).toThrow(
      expect.objectContaining({ key: 'invalid_payload' }),
    );
  });

  it('replaces the lines and sums the new ones', () => {
    expect(applyOrderChanges(order, { items: lines(500) }, later)).toMatchObject({
      amount: 500,
      initial_amount: 500,
      items: [expect.objectContaining({ amount: 500 })],
    });
  });

  it('keeps the lines and amounts when only the status changes', () => {
    expect(applyOrderChanges(order, { status: 'PAID' }, later)).toMatchObject({
      status: 'PAID',
      amount: 3000,
      items: order.items,
      updated_at: later,
    });
  });

  it('recomputes the total from a new order-level discount', () => {
    expect(applyOrderChanges(order, { discount_amount: 700 }, later)).toMatchObject({
      amount: 3000,
      discount_amount: 700,
      total_amount: 2300,
    });
  });

  it('keeps a stated amount over the sum of new lines', () => {
    expect(applyOrderChanges(order, { items: lines(500), amount: 900 }, later)).toMatchObject({ amount: 900 });
  });

  it('clears metadata given as null and keeps it when absent', () => {
    expect(applyOrderChanges(order, { metadata: null }, later).metadata).toEqual({});
    expect(applyOrderChanges(order, {}, later).metadata).toEqual({ a: 1 });
  });
});
