import type { CodeConfig } from '../api/api-types';
import { type FormProblem, problemAt } from '../components/form-problem';
import { ALPHANUMERIC } from '../lib/code-preview';

/** The character sets Voucherify's dashboard offers; each is just the literal characters it sends. */
export const CHARSETS = {
  alphanumeric: { label: 'Alphanumeric (0-9, A-Z, a-z)', characters: ALPHANUMERIC },
  alphabetic: { label: 'Letters (A-Z, a-z)', characters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' },
  uppercase: { label: 'Uppercase letters and numbers (0-9, A-Z)', characters: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  numbers: { label: 'Numbers (0-9)', characters: '0123456789' },
  custom: { label: 'Custom characters', characters: '' },
} as const;

export type CharsetChoice = keyof typeof CHARSETS;

export interface CodeSettings {
  mode: 'pattern' | 'length';
  pattern: string;
  length: string;
  prefix: string;
  postfix: string;
  charset: CharsetChoice;
  customCharset: string;
}

export const INITIAL_CODE_SETTINGS: CodeSettings = {
  mode: 'pattern',
  pattern: '',
  length: '8',
  prefix: '',
  postfix: '',
  charset: 'alphanumeric',
  customCharset: '',
};

export function resolveCharset(settings: CodeSettings): string {
  return settings.charset === 'custom' ? settings.customCharset : CHARSETS[settings.charset].characters;
}

/** The code_config the server is sent; the default charset is left out as Voucherify's own default. */
export function toCodeConfig(settings: CodeSettings): CodeConfig {
  const charset = resolveCharset(settings);
  const withCharset = charset === ALPHANUMERIC ? {} : { charset };
  if (settings.mode === 'pattern') return { pattern: settings.pattern, ...withCharset };
  return {
    length: Number(settings.length),
    ...(settings.prefix ? { prefix: settings.prefix } : {}),
    ...(settings.postfix ? { postfix: settings.postfix } : {}),
    ...withCharset,
  };
}

/** What is wrong with the settings, in the words a marketer reads; empty when they can make codes. */
export function checkCodeSettings(settings: CodeSettings): FormProblem[] {
  const problems: FormProblem[] = [];
  const charset = resolveCharset(settings);
  const charsetField = settings.charset === 'custom' ? 'code-custom-charset' : 'code-charset';
  const atCharset = (message: string) => problems.push(problemAt(charsetField, message));
  if (charset === '') atCharset('Enter the characters codes are made of.');
  if (charset.includes('#')) atCharset('The characters cannot include #, which marks a random character.');
  if (/\s/.test(charset)) atCharset('The characters cannot include spaces.');
  if (new Set(charset).size !== [...charset].length) atCharset('Each character may appear only once.');
  if (settings.mode === 'pattern') {
    if (!settings.pattern.includes('#')) {
      problems.push(problemAt('code-pattern', 'The code pattern needs at least one #, e.g. SPRING-####.'));
    }
    if (/\s/.test(settings.pattern)) problems.push(problemAt('code-pattern', 'The code pattern cannot hold spaces.'));
  } else {
    const length = Number(settings.length);
    if (!Number.isInteger(length) || length < 1 || length > 100) {
      problems.push(problemAt('code-length', 'The code length must be a whole number from 1 to 100.'));
    }
    const affixField = settings.prefix.includes('#') ? 'code-prefix' : 'code-postfix';
    if (`${settings.prefix}${settings.postfix}`.includes('#')) {
      problems.push(problemAt(affixField, 'Prefix and postfix cannot hold #.'));
    }
  }
  return problems;
}
