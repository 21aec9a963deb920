import type { ReactNode } from 'react';
import type { Location } from '../router/router';

/** A part of the dashboard: its entries in the main navigation and the pages it answers for. */
export interface Area {
  sections: readonly { path: string; label: string }[];
  /** The page for a location this area owns, or null to let the next area answer. */
  render(location: Location): ReactNode | null;
}
