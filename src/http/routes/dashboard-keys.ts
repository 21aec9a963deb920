import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findOpenableProject } from '../../app/dashboard/dashboard-sessions.js';
import { listProjectKeys, rotateApiKey } from '../../app/projects/rotate-api-key.js';
import type { DashboardUser } from '../../domain/dashboard/dashboard-user.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';
import { requireDashboardUser } from '../plugins/dashboard-auth.js';

const tags = ['dashboard'];
const ProjectParams = Type.Object({ projectId: Type.String({ minLength: 1, maxLength: 200 }) });
const KeyParams = Type.Object({
  projectId: Type.String({ minLength: 1, maxLength: 200 }),
  keyId: Type.String({ minLength: 1, maxLength: 200 }),
});

async function requireProject(deps: AppDeps, user: DashboardUser, projectId: string): Promise<void> {
  if (!(await findOpenableProject(deps.store, user, projectId))) {
    throw new AppError('forbidden', { details: `You may not open the project ${projectId}` });
  }
}

/** A project's API keys in the dashboard: listed (without secrets) for its users, rotated by an admin. */
export function registerDashboardKeyRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/dashboard/api/projects/:projectId/keys',
    { schema: { hide: true, tags, summary: "A project's API keys, without their secrets", params: ProjectParams } },
    async (request) => {
      const user = await requireDashboardUser(request, deps);
      await requireProject(deps, user, request.params.projectId);
      return { keys: await listProjectKeys(deps.store, request.params.projectId) };
    },
  );

  app.post(
    '/dashboard/api/projects/:projectId/keys/:keyId/rotate',
    { schema: { hide: true, tags, summary: 'Give a key a new secret, shown once', params: KeyParams } },
    async (request, reply) => {
      const user = await requireDashboardUser(request, deps);
      reply.header('cache-control', 'no-store');
      if (user.role !== 'admin') throw new AppError('forbidden', { details: 'Only an admin rotates keys' });
      const { projectId, keyId } = request.params;
      await requireProject(deps, user, projectId);
      const issued = await rotateApiKey(deps.store, deps.ids, projectId, keyId);
      deps.authenticator.forgetProject(projectId);
      return issued;
    },
  );
}
