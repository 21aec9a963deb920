import { useEffect } from 'react';

/** Names the browser tab after the page, as screen readers announce it on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Vouch`;
  }, [title]);
}
