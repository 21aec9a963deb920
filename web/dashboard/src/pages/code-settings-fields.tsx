import { useFieldProblem } from '../components/field-problems';
import { CHARSETS, type CharsetChoice, type CodeSettings } from './code-settings';

interface CodeSettingsFieldsProps {
  settings: CodeSettings;
  onChange: (settings: CodeSettings) => void;
}

/** How codes look: a pattern with `#` for random characters, or a length with prefix and postfix. */
export function CodeSettingsFields({ settings, onChange }: CodeSettingsFieldsProps) {
  const set = <K extends keyof CodeSettings>(key: K, value: CodeSettings[K]) => onChange({ ...settings, [key]: value });
  const patternProblem = useFieldProblem('code-pattern', 'code-pattern-help');
  const lengthProblem = useFieldProblem('code-length');
  const prefixProblem = useFieldProblem('code-prefix');
  const postfixProblem = useFieldProblem('code-postfix');
  const charsetProblem = useFieldProblem('code-charset');
  const customCharsetProblem = useFieldProblem('code-custom-charset');

  return (
    <fieldset className="fieldset">
      <legend>Codes</legend>
      <fieldset className="choice">
        <legend>Code format</legend>
        <label>
          <input
            type="radio"
            name="code-mode"
            checked={settings.mode === 'pattern'}
            onChange={() => set('mode', 'pattern')}
          />
          With a pattern
        </label>
        <label>
          <input
            type="radio"
            name="code-mode"
            checked={settings.mode === 'length'}
            onChange={() => set('mode', 'length')}
          />
          With a length
        </label>
      </fieldset>
      {settings.mode === 'pattern' ? (
        <div className="field">
          <label htmlFor="code-pattern">Code pattern</label>
          <input
            id="code-pattern"
            required
            placeholder="SPRING-####"
            {...patternProblem}
            value={settings.pattern}
            onChange={(event) => set('pattern', event.target.value)}
          />
          <p id="code-pattern-help" className="help">
            Each # becomes a random character; everything else is kept as typed.
          </p>
        </div>
      ) : (
        <div className="field-row">
          <div className="field">
            <label htmlFor="code-length">Code length</label>
            <input
              id="code-length"
              type="number"
              min={1}
              max={100}
              step={1}
              required
              {...lengthProblem}
              value={settings.length}
              onChange={(event) => set('length', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="code-prefix">Prefix</label>
            <input
              id="code-prefix"
              {...prefixProblem}
              value={settings.prefix}
              onChange={(event) => set('prefix', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="code-postfix">Postfix</label>
            <input
              id="code-postfix"
              {...postfixProblem}
              value={settings.postfix}
              onChange={(event) => set('postfix', event.target.value)}
            />
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="code-charset">Character set</label>
        <select
          id="code-charset"
          {...charsetProblem}
          value={settings.charset}
          onChange={(event) => set('charset', event.target.value as CharsetChoice)}
        >
          {Object.entries(CHARSETS).map(([key, charset]) => (
            <option key={key} value={key}>
              {charset.label}
            </option>
          ))}
        </select>
      </div>
      {settings.charset === 'custom' ? (
        <div className="field">
          <label htmlFor="code-custom-charset">Custom characters</label>
          <input
            id="code-custom-charset"
            required
            placeholder="ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
            {...customCharsetProblem}
            value={settings.customCharset}
            onChange={(event) => set('customCharset', event.target.value)}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
