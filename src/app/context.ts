import type { Project } from '../domain/projects/project.js';
import type { Clock, Ids, ProjectStore } from './ports.js';

/** Wakes the background workers when new work is queued, so they need not wait for their next poll. */
export interface WorkNotifier {
  wake(): void;
}

/** Everything a use case needs to act inside one project. */
export interface ProjectContext {
  readonly project: Project;
  readonly store: ProjectStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly work: WorkNotifier;
  /** The request that started the work, recorded on async actions. */
  readonly requestId: string | null;
}

/**
 * What a use case the management API runs inside a project needs: the project's store, the time
 * and new ids (no key of the project made the request, so there is no request context).
 */
export type ManagedProjectContext = Pick<ProjectContext, 'store' | 'clock' | 'ids'>;

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
