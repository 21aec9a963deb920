import { describe, expect, it } from 'vitest';
import { compileValidationRules } from './compile-rules.js';
import { prepareRuleFacts } from './prepared-facts.js';
import { requiredItemLines } from './required-items.js';
import { factsOf, parsedOf } from './rule-test-facts.js';

const ref = (object: string, id: string) => ({ object, id });
const lines = (rules: Record<string, unknown>) =>
  requiredItemLines(compileValidationRules(parsedOf(rules)), prepareRuleFacts(factsOf()));

describe('requiredItemLines: the cart lines a definition asks for by name', () => {
  it.each<[string, Record<string, unknown>, number[]]>([
    ['any of a product', { 1: { name: 'order.items.any', conditions: { $is: [ref('product', 'prod_mug')] } } }, [1]],
    [
      'every of a SKU and a product',
      {
        1: {
          name: 'order.items.every',
          conditions: { $in: [ref('sku', 'sku_shirt_m'), ref('product', 'prod_mug')] },
        },
      },
      [0, 1],
    ],
    [
      'a collection',
      { 1: { name: 'order.items.any', conditions: { $is: [ref('products_collection', 'pc_kitchen')] } } },
      [1, 2],
    ],
    [
      'none requires nothing',
      { 1: { name: 'order.items.none', conditions: { $is: [ref('product', 'prod_mug')] } } },
      [],
    ],
    [
      'cheapest is not X requires nothing',
      { 1: { name: 'order.items.cheapest', conditions: { $is_not: [ref('product', 'prod_mug')] } } },
      [],
    ],
    [
      'a product not in the cart',
      { 1: { name: 'order.items.any', conditions: { $is: [ref('product', 'prod_x')] } } },
      [],
    ],
    ['a cart rule', { 1: { name: 'order.amount', conditions: { $more_than: [100] } } }, []],
    [
      'rules the logic does not reach',
      {
        1: { name: 'order.amount', conditions: { $more_than: [100] } },
        2: { name: 'order.items.any', conditions: { $is: [ref('product', 'prod_mug')] } },
        logic: '1',
      },
      [],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(lines(rules)).toEqual(expected);
  });
});
