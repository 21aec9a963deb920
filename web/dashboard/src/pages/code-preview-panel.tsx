import { useMemo, useState } from 'react';
import type { CodeConfig } from '../api/api-types';
import type { FormProblem } from '../components/form-problem';
import { buildPattern, computeKeyspaceSize, formatBigCount, KEYSPACE_HEADROOM, sampleCodes } from '../lib/code-preview';

interface CodePreviewPanelProps {
  config: CodeConfig;
  /** Codes asked for: the keyspace must be ten times larger, or the server refuses. */
  count: number;
  /** Set when the settings cannot make codes; the preview then says so instead. */
  problems: readonly FormProblem[];
}

const SAMPLE_COUNT = 5;

/** Sample codes and how many codes the settings allow, computed here as the server would. */
export function CodePreviewPanel({ config, count, problems }: CodePreviewPanelProps) {
  const [round, setRound] = useState(0);
  const pattern = buildPattern(config);
  const charset = config.charset ?? '';
  // Samples change with the settings or on request, not on every unrelated keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: round asks for new samples of the same settings
  const samples = useMemo(
    () => (problems.length > 0 ? [] : sampleCodes({ pattern, charset }, SAMPLE_COUNT)),
    [pattern, charset, problems.length, round],
  );
  const size = problems.length > 0 ? null : computeKeyspaceSize({ pattern, charset });
  const tooSmall = size !== null && count > 0 && size < KEYSPACE_HEADROOM * BigInt(count);

  return (
    <section className="card preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      {problems.length > 0 ? (
        <p>Complete the code settings to see sample codes.</p>
      ) : (
        <>
          <ul className="sample-codes" aria-label="Sample codes">
            {samples.map((code, index) => (
              // Samples may repeat in a tiny keyspace, so the position keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <li key={`${index}-${code}`}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="button small" onClick={() => setRound((value) => value + 1)}>
            New samples
          </button>
          <p>
            Possible codes: <strong data-testid="keyspace-size">{size === null ? '—' : formatBigCount(size)}</strong>
          </p>
          {tooSmall ? (
            <p className="warning" role="alert">
              {formatBigCount(BigInt(count))} codes need at least {formatBigCount(KEYSPACE_HEADROOM * BigInt(count))}{' '}
              possible codes. Add more # or characters.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
