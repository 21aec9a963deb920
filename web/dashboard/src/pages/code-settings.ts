import type { CodeConfig } from '../api/api-types';
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
export function checkCodeSettings(settings: CodeSettings): string[] {
  const problems: string[] = [];
  const charset = resolveCharset(settings);
  if (charset === '') problems.push('Enter the characters codes are made of.');
  if (charset.includes('#')) problems.push('The characters cannot include #, which marks a random character.');
  if (/\s/.test(charset)) problems.push('The characters cannot include spaces.');
  if (new Set(charset).size !== [...charset].length) problems.push('Each character may appear only once.');
  if (settings.mode === 'pattern' && !settings.pattern.includes('#')) {
    problems.push('The code pattern needs at least one #, e.g. SPRING-####.');
  }
  if (settings.mode === 'pattern' && /\s/.test(settings.pattern)) problems.push('The code pattern cannot hold spaces.');
  if (settings.mode === 'length') {
    const length = Number(settings.length);
    if (!Number.isInteger(length) || length < 1 || length > 100) {
      problems.push('The code length must be a whole number from 1 to 100.');
    }
    if (`${settings.prefix}${settings.postfix}`.includes('#')) problems.push('Prefix and postfix cannot hold #.');
  }
  return problems;
}
