import { useFieldProblem } from '../components/field-problems';

export type DiscountKind = 'PERCENT' | 'AMOUNT';

export interface DiscountSettings {
  kind: DiscountKind;
  percentOff: string;
  amountOff: string;
}

interface DiscountFieldsProps {
  settings: DiscountSettings;
  onChange: (settings: DiscountSettings) => void;
}

/** The discount each code gives: a percentage of the order, or an amount off it. */
export function DiscountFields({ settings, onChange }: DiscountFieldsProps) {
  const set = <K extends keyof DiscountSettings>(key: K, value: DiscountSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const percentProblem = useFieldProblem('discount-percent');
  const amountProblem = useFieldProblem('discount-amount', 'discount-amount-help');

  return (
    <fieldset className="fieldset">
      <legend>Discount</legend>
      <fieldset className="choice">
        <legend>Discount type</legend>
        <label>
          <input
            type="radio"
            name="discount-kind"
            checked={settings.kind === 'PERCENT'}
            onChange={() => set('kind', 'PERCENT')}
          />
          Percent discount
        </label>
        <label>
          <input
            type="radio"
            name="discount-kind"
            checked={settings.kind === 'AMOUNT'}
            onChange={() => set('kind', 'AMOUNT')}
          />
          Amount discount
        </label>
      </fieldset>
      {settings.kind === 'PERCENT' ? (
        <div className="field">
          <label htmlFor="discount-percent">Percent off</label>
          <input
            id="discount-percent"
            type="number"
            min={0.01}
            max={100}
            step="any"
            required
            inputMode="decimal"
            {...percentProblem}
            value={settings.percentOff}
            onChange={(event) => set('percentOff', event.target.value)}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor="discount-amount">Amount off</label>
          <input
            id="discount-amount"
            required
            inputMode="decimal"
            placeholder="10.00"
            {...amountProblem}
            value={settings.amountOff}
            onChange={(event) => set('amountOff', event.target.value)}
          />
          <p id="discount-amount-help" className="help">
            In the shop's currency, e.g. 10.00.
          </p>
        </div>
      )}
    </fieldset>
  );
}
