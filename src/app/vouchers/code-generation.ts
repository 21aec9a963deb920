import type { CodeConfig } from '../../domain/campaigns/campaign.js';
import type { NormalizedCodeConfig } from '../../domain/codes/code-config.js';
import {
  countRandomPositions,
  DEFAULT_CHARSET,
  normalizeCodeConfig,
  RANDOM_MARK,
} from '../../domain/codes/code-config.js';
import { generateCodes } from '../../domain/codes/generate-code.js';
import type { Project } from '../../domain/projects/project.js';
import { randomCharsFor } from '../random-chars.js';

/** A client's code config, checked, with the project's default charset where it names none. */
export function codeConfigFor(
  project: Project,
  config: CodeConfig | null | undefined,
  property = '.code_config',
): NormalizedCodeConfig {
  return normalizeCodeConfig(config, project.settings.default_code_config?.charset ?? DEFAULT_CHARSET, property);
}

/**
 * The code config as a campaign stores and shows it: what was sent, with the charset in force, the
 * number of random characters and the pattern filled in, so normalizing it again gives the same codes.
 */
export function storedCodeConfig(config: CodeConfig | null | undefined, normalized: NormalizedCodeConfig): CodeConfig {
  const length = countRandomPositions(normalized);
  return {
    length,
    charset: normalized.charset,
    ...(config?.prefix ? { prefix: config.prefix } : {}),
    ...(config?.postfix ? { postfix: config.postfix } : {}),
    // Without prefix and postfix, which stay beside it, as Voucherify shows a length-only config.
    pattern: config?.pattern ?? RANDOM_MARK.repeat(length),
  };
}

/** `count` fresh random codes, distinct under the project's case sensitivity. */
export function drawCodes(project: Project, config: NormalizedCodeConfig, count: number): string[] {
  return generateCodes(config, count, randomCharsFor(config.charset), {
    caseSensitive: project.settings.case_sensitive_codes,
  });
}
