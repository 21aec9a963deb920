import type { KeyAuthenticator } from '../app/auth/key-authenticator.js';
import type { WorkNotifier } from '../app/context.js';
import type { Clock, Ids, Store } from '../app/ports.js';

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
}
