import type { ReactNode } from 'react';

export interface DetailItem {
  term: string;
  value: ReactNode;
}

/** A term / value list for an object's fields. */
export function DetailsList({ items }: { items: readonly DetailItem[] }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.term}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
