import type { Project } from '../api/api-types';

const STORAGE_KEY = 'vouch.dashboard.project';

/** The project picked last time in this browser, if the user still has it; else the first. */
export function chooseProject(projects: readonly Project[]): Project | null {
  const stored = readStoredProjectId();
  return projects.find((project) => project.id === stored) ?? projects[0] ?? null;
}

export function rememberProject(projectId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, projectId);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this tab only.
  }
}

function readStoredProjectId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
