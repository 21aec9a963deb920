import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { managedProjectContext } from '../../app/projects/project-queries.js';
import { createStackingRules } from '../../app/stacking/create-stacking-rules.js';
import { deleteStackingRules } from '../../app/stacking/delete-stacking-rules.js';
import { getProjectStackingRules, getStackingRules } from '../../app/stacking/stacking-rules-queries.js';
import { toStackingRulesObject } from '../../app/stacking/stacking-rules-view.js';
import { updateStackingRules } from '../../app/stacking/update-stacking-rules.js';
import type { AppDeps } from '../app-deps.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { StackingRulesBody, StackingRulesObject } from '../schemas/stacking-rules.js';

const tags = ['management: stacking rules'];
const ProjectParams = IdParam('projectId', 'The project id');
const RulesParams = Type.Object({
  ...ProjectParams.properties,
  ...IdParam('stackingRulesId', "The stacking rules' id").properties,
});

/** The management API's stacking rules: one object per project, the defaults until one is created. */
export function registerStackingRulesRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const inProject = (projectId: string) => managedProjectContext(deps, projectId);

  app.post(
    '/projects/:projectId/stacking-rules',
    {
      schema: {
        tags,
        summary: "Replace the defaults with the project's own stacking rules; a second create is a 409",
        params: ProjectParams,
        body: StackingRulesBody,
        response: { 200: StackingRulesObject },
      },
    },
    async (request) => {
      const ctx = await inProject(request.params.projectId);
      const stored = await createStackingRules(ctx, request.body);
      return toStackingRulesObject(stored, stored.rules);
    },
  );

  app.get(
    '/projects/:projectId/stacking-rules',
    {
      schema: {
        tags,
        summary: "List the project's stacking rules: always one, the defaults (without id) until created",
        params: ProjectParams,
        response: { 200: ListOf('data', StackingRulesObject) },
      },
    },
    async (request) => {
      const { store } = await inProject(request.params.projectId);
      const { stored, rules } = await getProjectStackingRules(store);
      return {
        object: 'list' as const,
        data_ref: 'data' as const,
        data: [toStackingRulesObject(stored, rules)],
        total: 1,
      };
    },
  );

  app.get(
    '/projects/:projectId/stacking-rules/:stackingRulesId',
    {
      schema: {
        tags,
        summary: 'Get the stacking rules',
        params: RulesParams,
        response: { 200: StackingRulesObject },
      },
    },
    async (request) => {
      const { store } = await inProject(request.params.projectId);
      const stored = await getStackingRules(store, request.params.stackingRulesId);
      return toStackingRulesObject(stored, stored.rules);
    },
  );

  app.put(
    '/projects/:projectId/stacking-rules/:stackingRulesId',
    {
      schema: {
        tags,
        summary:
          'Update the stacking rules: fields sent replace the stored ones (lists whole), null restores a default',
        params: RulesParams,
        body: StackingRulesBody,
        response: { 200: StackingRulesObject },
      },
    },
    async (request) => {
      const ctx = await inProject(request.params.projectId);
      const updated = await updateStackingRules(ctx, request.params.stackingRulesId, request.body);
      return toStackingRulesObject(updated, updated.rules);
    },
  );

  app.delete(
    '/projects/:projectId/stacking-rules/:stackingRulesId',
    {
      schema: {
        tags,
        summary: 'Delete the stacking rules: the project goes back to the defaults',
        params: RulesParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const ctx = await inProject(request.params.projectId);
      await deleteStackingRules(ctx, request.params.stackingRulesId);
      return reply.status(204).send();
    },
  );
}
