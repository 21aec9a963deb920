import { useEffect, useState } from 'react';

/** Where the server serves the dashboard; it answers index.html for every path below it. */
export const BASE_PATH = '/dashboard';

export interface Location {
  /** The path inside the dashboard, e.g. `/campaigns/camp_1`. */
  path: string;
  query: URLSearchParams;
  /** What the page that navigated here handed over (lost on reload). */
  state: unknown;
}

const NAVIGATE_EVENT = 'vouch:navigate';

function readLocation(): Location {
  const { pathname, search } = window.location;
  const inner = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : pathname;
  const path = inner === '' ? '/' : inner.replace(/\/+$/, '') || '/';
  return { path, query: new URLSearchParams(search), state: window.history.state };
}

/** The full URL of a dashboard path, for links. */
export function toHref(path: string): string {
  return `${BASE_PATH}${path}`;
}

/** Goes to a dashboard path without reloading, like a link would. */
export function navigate(path: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const href = toHref(path);
  if (options.replace) window.history.replaceState(options.state ?? null, '', href);
  else window.history.pushState(options.state ?? null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current location, updated on links, back and forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return location;
}

/**
 * Matches a path against a pattern like `/campaigns/:id`; answers the decoded parameters, or null.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return null;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** The `page` query parameter as a page number from 1. */
export function readPage(query: URLSearchParams): number {
  const page = Number(query.get('page') ?? '1');
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}
