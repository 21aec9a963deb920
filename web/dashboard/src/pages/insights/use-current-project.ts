import { getCurrentProjectId } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import type { Project, Session } from '../../api/api-types';
import { fetchSession } from '../../api/session-api';
import { useApiData } from '../../lib/use-api-data';

export interface CurrentProject {
  session: Session;
  project: Project;
}

/**
 * The signed-in user and the project this tab's header shows. Areas are handed only the location,
 * so this reads the session again and takes the tab's project from api-client, never from storage:
 * storage is shared by every tab and holds whichever tab picked last. The app remounts pages on
 * a change of project, so the id read at render is the one the header shows.
 */
export function useCurrentProject(): { current: CurrentProject | null; error: ApiError | null } {
  const { data, error } = useApiData('insights:session', fetchSession);
  const projectId = getCurrentProjectId();
  const project = data?.projects.find((item) => item.id === projectId) ?? null;
  return { current: data && project ? { session: data, project } : null, error };
}
