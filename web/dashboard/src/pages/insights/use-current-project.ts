import type { ApiError } from '../../api/api-error';
import type { Project, Session } from '../../api/api-types';
import { fetchSession } from '../../api/session-api';
import { chooseProject } from '../../lib/project-choice';
import { useApiData } from '../../lib/use-api-data';

export interface CurrentProject {
  session: Session;
  project: Project;
}

/**
 * The signed-in user and the project the header shows. Areas are handed only the location, so
 * this reads the session again and picks the project as the app does: the remembered one, else the first.
 */
export function useCurrentProject(): { current: CurrentProject | null; error: ApiError | null } {
  const { data, error } = useApiData('insights:session', fetchSession);
  const project = data ? chooseProject(data.projects) : null;
  return { current: data && project ? { session: data, project } : null, error };
}
