import { useFieldProblem } from '../../components/field-problems';
import { DiscountChoice } from './discount-choice';
import type { DiscountSettings } from './read-discount';
import { RuleSelect } from './rule-select';

export interface TierSettings {
  /** Keeps React's keys and the fields' ids stable as tiers are added and removed. */
  key: number;
  name: string;
  banner: string;
  discount: DiscountSettings;
  ruleId: string;
}

interface PromotionTierFieldsProps {
  tier: TierSettings;
  position: number;
  onChange: (tier: TierSettings) => void;
  /** Absent for the only tier: a promotion keeps at least one. */
  onRemove?: () => void;
}

/** The id of a tier's field (`name`, `banner`, `discount` as the discount's prefix), stable as tiers come and go. */
export function tierFieldId(tierKey: number, part: string): string {
  return `tier-${tierKey}-${part}`;
}

/** One tier of a promotion: what the shopper is told, and the discount the cart gets. */
export function PromotionTierFields({ tier, position, onChange, onRemove }: PromotionTierFieldsProps) {
  const id = (part: string) => tierFieldId(tier.key, part);
  const nameProblem = useFieldProblem(id('name'));
  const bannerProblem = useFieldProblem(id('banner'), id('banner-help'));
  return (
    <fieldset className="fieldset tier-fields">
      <legend>Tier {position}</legend>
      <div className="field">
        <label htmlFor={id('name')}>Tier name</label>
        <input
          id={id('name')}
          {...nameProblem}
          value={tier.name}
          onChange={(event) => onChange({ ...tier, name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={id('banner')}>Banner</label>
        <input
          id={id('banner')}
          {...bannerProblem}
          value={tier.banner}
          onChange={(event) => onChange({ ...tier, banner: event.target.value })}
        />
        <p id={id('banner-help')} className="help">
          What the shop shows the shopper, e.g. "10% off orders over 50.00".
        </p>
      </div>
      <DiscountChoice
        idPrefix={id('discount')}
        legend="Discount"
        allowShipping
        settings={tier.discount}
        onChange={(discount) => onChange({ ...tier, discount })}
      />
      <RuleSelect
        id={id('rule')}
        label="Validation rule (optional)"
        value={tier.ruleId}
        onChange={(ruleId) => onChange({ ...tier, ruleId })}
      />
      {onRemove ? (
        <button type="button" className="button small" onClick={onRemove}>
          Remove tier {position}
        </button>
      ) : null}
    </fieldset>
  );
}
