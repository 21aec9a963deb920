import { describe, expect, it } from 'vitest';
import { toRulesObject } from './format-rules-object.js';
import { parsedOf } from './rule-test-facts.js';

describe('toRulesObject', () => {
  it('echoes a definition as Voucherify does: property and rules always present, spellings kept', () => {
    const definition = parsedOf({
      logic: '1 and 2',
      2: {
        name: 'product.id',
        conditions: { $is: [{ id: 'prod_1', source_id: '', effect: 'APPLY_TO_EVERY' }] },
        rules: { 1: { name: 'product.quantity', conditions: { $more_than_equal: [2] } }, logic: '1' },
        error: { message: 'Add two' },
      },
      1: { name: 'customer_segment', property: 'ignored', conditions: { $is: ['seg_1'] } },
    });
    expect(toRulesObject(definition)).toEqual({
      1: { name: 'customer_segment', property: null, conditions: { $is: ['seg_1'] }, rules: {} },
      2: {
        name: 'product.id',
        property: null,
        conditions: { $is: [{ id: 'prod_1', source_id: '', effect: 'APPLY_TO_EVERY' }] },
        rules: {
          1: { name: 'product.quantity', property: null, conditions: { $more_than_equal: [2] }, rules: {} },
          logic: '1',
        },
        error: { message: 'Add two' },
      },
      logic: '1 and 2',
    });
  });

  it('reads back to the same definition', () => {
    const raw = {
      1: { name: 'order.metadata', property: 'a', conditions: { $is: ['x'], $has_value: [] }, rules: {} },
      logic: '',
    };
    const once = toRulesObject(parsedOf(raw));
    expect(toRulesObject(parsedOf(once))).toEqual(once);
    expect(once).toEqual({ 1: { ...raw[1], property: 'a' }, logic: '' });
  });
});
