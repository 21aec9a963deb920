import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkPage, parseSortOrder } from './list-query.js';

describe('parseSortOrder', () => {
  const fallback = { field: 'created_at', direction: 'desc' } as const;
  it.each([
    [undefined, fallback],
    ['', fallback],
    ['created_at', { field: 'created_at', direction: 'asc' }],
    ['-created_at', { field: 'created_at', direction: 'desc' }],
    ['+name', { field: 'name', direction: 'asc' }],
  ])('reads %j', (raw, expected) => {
    expect(parseSortOrder(raw, ['created_at', 'name'], fallback)).toEqual(expected);
  });

  it('refuses a field the list cannot sort by, listing the allowed ones', () => {
    expect(() => parseSortOrder('-password', ['created_at'], fallback)).toThrow(AppError);
    try {
      parseSortOrder('-password', ['created_at'], fallback);
    } catch (error) {
      expect((error as AppError).key).toBe('invalid_query_params');
      expect((error as AppError).details).toContain('created_at, -created_at');
    }
  });
});

describe('checkPage', () => {
  it('refuses pages past the limit with page_over_limit', () => {
    expect(checkPage(1000)).toBe(1000);
    expect(() => checkPage(1001)).toThrow(expect.objectContaining({ key: 'page_over_limit' }));
  });
});
