import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate, toHref } from './router';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** A dashboard path, e.g. `/campaigns`. */
  to: string;
}

function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (opens in a new tab, copies) that navigates in place on a plain click. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainClick(event)) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={toHref(to)} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** Path segments are encoded: codes may hold `/`, `?` or `#`. */
export function buildPath(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}
