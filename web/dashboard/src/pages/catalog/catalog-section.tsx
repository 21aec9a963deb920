import type { ReactNode } from 'react';
import type { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';

interface CatalogSectionProps {
  id: string;
  title: string;
  /** A section's own loading error: the rest of the page still shows. */
  error?: ApiError | null;
  children: ReactNode;
}

/** A titled part of a detail page (h2), named by its heading for screen readers. */
export function CatalogSection({ id, title, error = null, children }: CatalogSectionProps) {
  return (
    <section className="catalog-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <ErrorMessage error={error} />
      {children}
    </section>
  );
}
