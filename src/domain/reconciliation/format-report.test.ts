import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckOutcome, CounterDrift } from './counter-drift.js';
import { formatCount, formatReport } from './format-report.js';
import { summariseChecks } from './summarise-checks.js';

function outcome(overrides: Partial<CheckOutcome> = {}): CheckOutcome {
  return {
    name: 'voucher.redeemed_quantity',
    object: 'voucher',
    counter: 'redeemed_quantity',
    counts: 'successful redemptions not rolled back',
    checked: 0,
    drifted: 0,
    drifts: [],
    ...overrides,
  };
}

function drift(overrides: Partial<CounterDrift> = {}): CounterDrift {
  return {
    object: 'voucher',
    id: 'v_1',
    project_id: 'proj_1',
    label: 'SPRING-10',
    stored: 7,
    counted: 5,
    ...overrides,
  };
}

const campaigns = outcome({
  name: 'campaign.vouchers_count',
  object: 'campaign',
  counter: 'vouchers_count',
  counts: 'live vouchers in the campaign',
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1_000_000, '1,000,000'],
    [-4321, '-4,321'],
  ])('writes %d as %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it('only ever adds commas between groups of three digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        const written = formatCount(value);
        expect(Number(written.replaceAll(',', ''))).toBe(value);
        expect(written).toMatch(/^-?\d{1,3}(,\d{3})*$/);
      }),
    );
  });
});

describe('formatReport', () => {
  it('says OK in one line when nothing drifted, counting each kind of object once', () => {
    const report = summariseChecks([
      outcome({ checked: 12345 }),
      outcome({ name: 'voucher.publish_count', counter: 'publish_count', checked: 12345 }),
      campaigns,
    ]);
    expect(report.clean).toBe(true);
    expect(formatReport(report)).toBe('OK: 12,345 vouchers and 0 campaigns checked, no drift');
  });

  it('writes the singular for one object and a plain sentence for a single check', () => {
    expect(formatReport(summariseChecks([outcome({ checked: 1 })]))).toBe('OK: 1 voucher checked, no drift');
  });

  it('names every drifted object with both numbers, then the totals', () => {
    const report = summariseChecks([
      outcome({ checked: 30, drifted: 2, drifts: [drift(), drift({ id: 'v_2', label: null, stored: 0, counted: 1 })] }),
      { ...campaigns, checked: 3 },
    ]);
    expect(report).toMatchObject({ clean: false, drifted: 2 });
    expect(formatReport(report).split('\n')).toEqual([
      'DRIFT voucher.redeemed_quantity: voucher v_1 "SPRING-10" in project proj_1 stores 7, counted 5 (successful redemptions not rolled back)',
      'DRIFT voucher.redeemed_quantity: voucher v_2 in project proj_1 stores 0, counted 1 (successful redemptions not rolled back)',
      'DRIFT: 2 of 30 vouchers on voucher.redeemed_quantity, 0 of 3 campaigns on campaign.vouchers_count',
    ]);
  });

  it('says how many drifted objects were left unlisted', () => {
    const report = summariseChecks([outcome({ checked: 5000, drifted: 1201, drifts: [drift()] })]);
    expect(formatReport(report).split('\n').slice(1)).toEqual([
      '  ... and 1,200 more vouchers drifted on voucher.redeemed_quantity',
      'DRIFT: 1,201 of 5,000 vouchers on voucher.redeemed_quantity',
    ]);
  });
});

describe('summariseChecks', () => {
  it('is clean exactly when no check drifted, and adds the drifted objects up', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 6 }), (drifted) => {
        const report = summariseChecks(drifted.map((n) => outcome({ checked: n, drifted: n })));
        const total = drifted.reduce((a, b) => a + b, 0);
        expect(report.drifted).toBe(total);
        expect(report.clean).toBe(total === 0);
      }),
    );
  });
});
