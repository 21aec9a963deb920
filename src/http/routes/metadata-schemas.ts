import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createMetadataSchema } from '../../app/metadata-schemas/create-metadata-schema.js';
import { deleteMetadataSchema } from '../../app/metadata-schemas/delete-metadata-schema.js';
import {
  getMetadataSchema,
  getMetadataSchemaOf,
  listMetadataSchemas,
} from '../../app/metadata-schemas/metadata-schema-queries.js';
import {
  toManagementMetadataSchemaObject,
  toV1MetadataSchemaObject,
} from '../../app/metadata-schemas/metadata-schema-view.js';
import { updateMetadataSchema } from '../../app/metadata-schemas/update-metadata-schema.js';
import { managedProjectContext } from '../../app/projects/project-queries.js';
import type { AppDeps } from '../app-deps.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import {
  ManagementMetadataSchemaObject,
  MetadataSchemaCreateBody,
  MetadataSchemaObject,
  MetadataSchemaUpdateBody,
} from '../schemas/metadata-schema.js';

const tags = ['metadata schemas'];
const managementTags = ['management: metadata schemas'];
const ResourceParams = IdParam('resource', 'The resource type: campaign, customer, order, ... or a custom schema name');
const ProjectParams = IdParam('projectId', 'The project id');
const SchemaParams = Type.Object({
  ...ProjectParams.properties,
  ...IdParam('metadataSchemaId', "The metadata schema's id").properties,
});

/** GET /v1/metadata-schemas[/{resource}]: what the SDK's metadataSchemas.list and .get read. */
export function registerMetadataSchemaRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/metadata-schemas',
    {
      schema: {
        tags,
        summary: "List the project's metadata schemas",
        response: { 200: ListOf('schemas', MetadataSchemaObject) },
      },
    },
    async (request) => {
      const schemas = await listMetadataSchemas(contextOf(request).store);
      return {
        object: 'list' as const,
        data_ref: 'schemas' as const,
        schemas: schemas.map((schema) => toV1MetadataSchemaObject(schema)),
        total: schemas.length,
      };
    },
  );

  app.get(
    '/metadata-schemas/:resource',
    {
      schema: {
        tags,
        summary: "Get a resource's metadata schema",
        params: ResourceParams,
        response: { 200: MetadataSchemaObject },
      },
    },
    async (request) =>
      toV1MetadataSchemaObject(await getMetadataSchemaOf(contextOf(request).store, request.params.resource)),
  );
}

/** The management API's metadata schema routes, in a project named by the path. */
export function registerManagementMetadataSchemaRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const inProject = (projectId: string) => managedProjectContext(deps, projectId);

  app.post(
    '/projects/:projectId/metadata-schemas',
    {
      schema: {
        tags: managementTags,
        summary: 'Create the metadata schema of a resource; every problem of its definitions is named in one 400',
        params: ProjectParams,
        body: MetadataSchemaCreateBody,
        response: { 200: ManagementMetadataSchemaObject },
      },
    },
    async (request) => {
      const ctx = await inProject(request.params.projectId);
      return toManagementMetadataSchemaObject(await createMetadataSchema(ctx, request.body));
    },
  );

  app.get(
    '/projects/:projectId/metadata-schemas',
    {
      schema: {
        tags: managementTags,
        summary: "List a project's metadata schemas",
        params: ProjectParams,
        response: { 200: ListOf('data', ManagementMetadataSchemaObject) },
      },
    },
    async (request) => {
      const { store } = await inProject(request.params.projectId);
      const schemas = await listMetadataSchemas(store);
      return {
        object: 'list' as const,
        data_ref: 'data' as const,
        data: schemas.map((schema) => toManagementMetadataSchemaObject(schema)),
        total: schemas.length,
      };
    },
  );

  app.get(
    '/projects/:projectId/metadata-schemas/:metadataSchemaId',
    {
      schema: {
        tags: managementTags,
        summary: 'Get a metadata schema',
        params: SchemaParams,
        response: { 200: ManagementMetadataSchemaObject },
      },
    },
    async (request) => {
      const { store } = await inProject(request.params.projectId);
      return toManagementMetadataSchemaObject(await getMetadataSchema(store, request.params.metadataSchemaId));
    },
  );

  app.put(
    '/projects/:projectId/metadata-schemas/:metadataSchemaId',
    {
      schema: {
        tags: managementTags,
        summary: 'Update a metadata schema: definitions sent replace those of the same name, the rest stay',
        params: SchemaParams,
        body: MetadataSchemaUpdateBody,
        response: { 200: ManagementMetadataSchemaObject },
      },
    },
    async (request) => {
      const ctx = await inProject(request.params.projectId);
      const updated = await updateMetadataSchema(ctx, request.params.metadataSchemaId, request.body);
      return toManagementMetadataSchemaObject(updated);
    },
  );

  app.delete(
    '/projects/:projectId/metadata-schemas/:metadataSchemaId',
    {
      schema: {
        tags: managementTags,
        summary: 'Delete a metadata schema; metadata already on objects stays',
        params: SchemaParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const ctx = await inProject(request.params.projectId);
      await deleteMetadataSchema(ctx, request.params.metadataSchemaId);
      return reply.status(204).send();
    },
  );
}
