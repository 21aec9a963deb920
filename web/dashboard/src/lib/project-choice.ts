import type { Project } from '../api/api-types';

const STORAGE_KEY = 'vouch.dashboard.project';

/**
 * The project a tab starts on, when the app loads or signs in: this tab's own last pick (kept
 * across a reload), else the last pick in this browser (a new tab), if the user still has it;
 * else the first. The tab keeps what it started on, so a reload (or signing in again) stays there
 * whatever other tabs pick meanwhile. Once chosen, the tab's project lives in api-client
 * (`getCurrentProjectId`): read it there, not here, since another tab may have picked since.
 */
export function chooseProject(projects: readonly Project[]): Project | null {
  const stored = [readStoredProjectId(tabStorage), readStoredProjectId(browserStorage)];
  const chosen = stored.map((id) => projects.find((item) => item.id === id)).find(Boolean) ?? projects[0] ?? null;
  if (chosen) storeProjectId(tabStorage, chosen.id);
  return chosen;
}

/** Remembers the pick for this tab and, for tabs opened later, for the browser. */
export function rememberProject(projectId: string): void {
  storeProjectId(tabStorage, projectId);
  storeProjectId(browserStorage, projectId);
}

function storeProjectId(storage: () => Storage, projectId: string): void {
  try {
    storage().setItem(STORAGE_KEY, projectId);
  } catch {
    // Private modes may refuse storage; the choice then lasts until the tab reloads.
  }
}

function tabStorage(): Storage {
  return window.sessionStorage;
}

function browserStorage(): Storage {
  return window.localStorage;
}

function readStoredProjectId(storage: () => Storage): string | null {
  try {
    return storage().getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
