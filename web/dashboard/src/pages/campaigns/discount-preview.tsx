import type { DiscountSettings } from './read-discount';
import { describeSampleDiscount } from './read-discount';

interface DiscountPreviewProps {
  /** One line per discount: a promotion has one per tier. */
  discounts: readonly { key: number; label: string; settings: DiscountSettings }[];
}

/** What each discount takes off a sample cart, recomputed as the user types. */
export function DiscountPreview({ discounts }: DiscountPreviewProps) {
  return (
    <section className="card preview discount-preview" aria-labelledby="discount-preview-heading">
      <h2 id="discount-preview-heading">Discount preview</h2>
      <ul aria-live="polite">
        {discounts.map((discount) => (
          <li key={discount.key}>
            {discounts.length > 1 ? <strong>{discount.label}: </strong> : null}
            {describeSampleDiscount(discount.settings)}
          </li>
        ))}
      </ul>
    </section>
  );
}
