import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { readPublicationTarget, type TargetInput } from './publication-target.js';

describe('readPublicationTarget', () => {
  it.each<[string, TargetInput, ReturnType<typeof readPublicationTarget>]>([
    ['a named code', { voucher: 'CODE-1' }, { kind: 'voucher', code: 'CODE-1' }],
    [
      'a code over a campaign',
      { voucher: 'CODE-1', campaign: { name: 'Spring' } },
      { kind: 'voucher', code: 'CODE-1' },
    ],
    ['a campaign by name', { campaign: { name: 'Spring' } }, { kind: 'campaign', ref: 'Spring', count: 1 }],
    ['a campaign by id', { campaign: { id: 'camp_1', name: 'x' } }, { kind: 'campaign', ref: 'camp_1', count: 1 }],
    ['a campaign as a string', { campaign: 'Spring' }, { kind: 'campaign', ref: 'Spring', count: 1 }],
    ['several codes', { campaign: { name: 'Spring', count: 50 } }, { kind: 'campaign', ref: 'Spring', count: 50 }],
    [
      'one code with a source_id',
      { campaign: { name: 'S', count: 1 }, source_id: 'p1' },
      { kind: 'campaign', ref: 'S', count: 1 },
    ],
    [
      'one code under join_once',
      { campaign: { name: 'S' }, join_once: true },
      { kind: 'campaign', ref: 'S', count: 1 },
    ],
    [
      'a named code under join_once',
      { voucher: 'CODE-1', campaign: { name: 'S', count: 3 }, join_once: true },
      { kind: 'voucher', code: 'CODE-1' },
    ],
  ])('reads %s', (_label, input, expected) => {
    expect(readPublicationTarget(input)).toEqual(expected);
  });

  it.each<[string, TargetInput]>([
    ['nothing', {}],
    ['a campaign without name or id', { campaign: { count: 1 } }],
    ['no codes', { campaign: { name: 'S', count: 0 } }],
    ['more than 50', { campaign: { name: 'S', count: 51 } }],
    ['a fraction', { campaign: { name: 'S', count: 1.5 } }],
    ['several codes under one source_id', { campaign: { name: 'S', count: 2 }, source_id: 'p1' }],
    ['several codes under join_once', { campaign: { name: 'S', count: 2 }, join_once: true }],
  ])('refuses %s', (_label, input) => {
    expect(() => readPublicationTarget(input)).toThrow(AppError);
  });
});
