import type { CodeConfig } from '../../api/api-types';
import { type FormProblem, problemAt } from '../../components/form-problem';
import { computeKeyspaceSize, formatBigCount, KEYSPACE_HEADROOM } from '../../lib/code-preview';
import { type CodeSettings, checkCodeSettings, resolveCharset, toCodeConfig } from '../code-settings';

/** The settings as the preview reads them: the charset always spelled out. */
export function toPreviewConfig(codes: CodeSettings): CodeConfig {
  return { ...toCodeConfig(codes), charset: resolveCharset(codes) };
}

/**
 * What is wrong with the code settings and the number of codes asked for (in the field
 * `countField`), as the server would refuse them.
 */
export function checkCodesAndCount(
  codes: CodeSettings,
  count: number,
  noun: string,
  countField: string,
): FormProblem[] {
  const found = checkCodeSettings(codes);
  if (!Number.isSafeInteger(count) || count < 1) {
    found.push(problemAt(countField, `Number of ${noun} must be a whole number from 1.`));
  } else if (found.length === 0 && computeKeyspaceSize(toPreviewConfig(codes)) < KEYSPACE_HEADROOM * BigInt(count)) {
    const patternField = codes.mode === 'pattern' ? 'code-pattern' : 'code-length';
    found.push(
      problemAt(
        patternField,
        `${formatBigCount(BigInt(count))} ${noun} need more possible codes: add more # or characters.`,
      ),
    );
  }
  return found;
}
