import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createProject, type ProjectInput } from '../../app/projects/create-project.js';
import { deleteProject } from '../../app/projects/delete-project.js';
import { getProject, listProjects } from '../../app/projects/project-queries.js';
import { updateProject } from '../../app/projects/update-project.js';
import { toCreatedProjectObject, toProjectObject } from '../../app/views/project-view.js';
import type { ProjectSettings } from '../../domain/projects/project.js';
import type { AppDeps } from '../app-deps.js';
import { listBody } from '../list-body.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import { ProjectCreateBody, ProjectObject, ProjectUpdateBody } from '../schemas/project.js';

const tags = ['management: projects'];
const Params = IdParam('projectId', 'The project id');

/** Splits a management request body into the project's name and description and its settings. */
function toProjectInput(
  body: { name?: string; description?: string | null; users?: unknown } & Record<string, unknown>,
) {
  const { name, description, users: _users, ...settings } = body;
  return { name, description, settings: settings as Partial<ProjectSettings> };
}

export function registerManagementProjectRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a project with its server-side and client-side keys',
        body: ProjectCreateBody,
        response: { 200: ProjectObject },
      },
    },
    async (request) => {
      const input = toProjectInput(request.body) as ProjectInput;
      const created = await createProject(deps.store, deps.clock, deps.ids, input);
      return toCreatedProjectObject(created.project, created.server_side_key, created.client_side_key);
    },
  );

  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'List projects',
        querystring: Type.Object(PageQueryFields),
        response: { 200: ListOf('data', ProjectObject) },
      },
    },
    async (request) => {
      const query = toListQuery(request.query, {
        sortFields: ['created_at', 'updated_at', 'name'],
        defaultOrder: { field: 'created_at', direction: 'asc' },
      });
      const page = await listProjects(deps.store, query);
      return listBody('data', page, toProjectObject);
    },
  );

  app.get(
    '/projects/:projectId',
    { schema: { tags, summary: 'Get a project', params: Params, response: { 200: ProjectObject } } },
    async (request) => toProjectObject(await getProject(deps.store, request.params.projectId)),
  );

  app.put(
    '/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Update a project',
        params: Params,
        body: ProjectUpdateBody,
        response: { 200: ProjectObject },
      },
    },
    async (request) => {
      const project = await updateProject(
        deps.store,
        deps.clock,
        request.params.projectId,
        toProjectInput(request.body),
      );
      deps.authenticator.forgetProject(project.id);
      return toProjectObject(project);
    },
  );

  app.delete(
    '/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Delete a project, its keys and everything it holds',
        params: Params,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteProject(deps.store, request.params.projectId);
      deps.authenticator.forgetProject(request.params.projectId);
      return reply.status(204).send();
    },
  );
}
