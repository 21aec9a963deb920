import { useFieldProblem } from '../../components/field-problems';
import type { DiscountSettings } from './read-discount';

interface DiscountChoiceProps {
  /** Makes ids and radio names unique when a form holds several discounts (one per tier). */
  idPrefix: string;
  legend: string;
  settings: DiscountSettings;
  onChange: (settings: DiscountSettings) => void;
  /** Promotion tiers may give free shipping; a code's discount is a percent or an amount. */
  allowShipping?: boolean;
}

/** A percent or an amount off, as the coupon form's discount fields, for forms with more than one. */
export function DiscountChoice({ idPrefix, legend, settings, onChange, allowShipping }: DiscountChoiceProps) {
  const set = <K extends keyof DiscountSettings>(key: K, value: DiscountSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const id = (part: string) => `${idPrefix}-${part}`;
  const shippingProblem = useFieldProblem(id('shipping'), id('shipping-help'));
  const percentProblem = useFieldProblem(id('percent'));
  const amountProblem = useFieldProblem(id('amount'));

  return (
    <fieldset className="choice discount-choice">
      <legend>{legend}</legend>
      <div className="choice">
        <label>
          <input
            type="radio"
            name={id('kind')}
            checked={settings.kind === 'PERCENT'}
            onChange={() => set('kind', 'PERCENT')}
          />
          Percent discount
        </label>
        <label>
          <input
            type="radio"
            name={id('kind')}
            checked={settings.kind === 'AMOUNT'}
            onChange={() => set('kind', 'AMOUNT')}
          />
          Amount discount
        </label>
        {allowShipping ? (
          <label>
            <input
              type="radio"
              name={id('kind')}
              checked={settings.kind === 'SHIPPING'}
              onChange={() => set('kind', 'SHIPPING')}
            />
            Free shipping
          </label>
        ) : null}
      </div>
      {settings.kind === 'SHIPPING' ? (
        <div className="field">
          <label htmlFor={id('shipping')}>Shipping product id</label>
          <input
            id={id('shipping')}
            {...shippingProblem}
            value={settings.shippingProduct ?? ''}
            onChange={(event) => set('shippingProduct', event.target.value)}
          />
          <p id={id('shipping-help')} className="help">
            The product the shop's carts charge shipping as; its line is made free.
          </p>
        </div>
      ) : settings.kind === 'PERCENT' ? (
        <div className="field">
          <label htmlFor={id('percent')}>Percent off</label>
          <input
            id={id('percent')}
            type="number"
            min={0.01}
            max={100}
            step="any"
            inputMode="decimal"
            {...percentProblem}
            value={settings.percentOff}
            onChange={(event) => set('percentOff', event.target.value)}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={id('amount')}>Amount off</label>
          <input
            id={id('amount')}
            inputMode="decimal"
            placeholder="10.00"
            {...amountProblem}
            value={settings.amountOff}
            onChange={(event) => set('amountOff', event.target.value)}
          />
        </div>
      )}
    </fieldset>
  );
}
