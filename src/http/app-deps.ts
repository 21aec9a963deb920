import type { KeyAuthenticator } from '../app/auth/key-authenticator.js';
import type { WorkNotifier } from '../app/context.js';
import type { Clock, Ids, Store } from '../app/ports.js';
import type { TrafficLimits } from '../app/security/traffic-limits.js';
import type { WindowCounters } from '../app/security/window-counters.js';
import type { TrustProxy } from '../config.js';

/** What the HTTP app is built from; the CLI wires real ones, tests their own. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  work: WorkNotifier;
  authenticator: KeyAuthenticator;
  bodyLimitBytes: number;
  logLevel: string;
  /** The server's address as clients see it, for the links it hands out. */
  publicUrl: string;
  /** Rate limits and the code-guessing defence; absent, nothing is limited (apps built for one test or benchmark). */
  limits?: TrafficLimits;
  /** Where the limits count; absent, in this process's memory. */
  counters?: WindowCounters;
  /** The proxies whose X-Forwarded-For names the client; absent, none (the peer is the client). */
  trustProxy?: TrustProxy;
  /** The built dashboard to serve; absent, dist/dashboard. */
  dashboardDir?: string;
}
