export type CampaignKind = 'COUPONS' | 'PROMOTION' | 'GIFT' | 'REFERRAL';

const kinds: { value: CampaignKind; label: string; help: string }[] = [
  { value: 'COUPONS', label: 'Discount coupons', help: 'Codes that each give a discount.' },
  { value: 'PROMOTION', label: 'Promotion', help: 'A discount on the cart, no codes.' },
  { value: 'GIFT', label: 'Gift cards', help: 'Codes holding credit to spend.' },
  { value: 'REFERRAL', label: 'Referral program', help: 'Customers share codes and earn rewards.' },
];

/** Reads `?type=` so a link can open the form on a type. */
export function readCampaignKind(search: string): CampaignKind {
  const asked = new URLSearchParams(search).get('type')?.toUpperCase();
  return kinds.find((kind) => kind.value === asked)?.value ?? 'COUPONS';
}

/** The campaign type, chosen first: the form below follows it. */
export function CampaignTypeChoice({
  value,
  onChange,
}: {
  value: CampaignKind;
  onChange: (kind: CampaignKind) => void;
}) {
  return (
    <fieldset className="campaign-types">
      <legend>Campaign type</legend>
      {kinds.map((kind) => (
        <label key={kind.value} className={kind.value === value ? 'campaign-type chosen' : 'campaign-type'}>
          <input
            type="radio"
            name="campaign-type"
            value={kind.value}
            checked={kind.value === value}
            onChange={() => onChange(kind.value)}
          />
          <span className="campaign-type-name">{kind.label}</span>
          <span className="campaign-type-help">{kind.help}</span>
        </label>
      ))}
    </fieldset>
  );
}
