import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { ErrorObject } from '../schemas/common.js';

/** Which key each API prefix takes, as OpenAPI security requirements. */
const SECURITY_BY_PREFIX: [string, Record<string, string[]>[]][] = [
  ['/v1/', [{ appId: [], appToken: [] }]],
  ['/client/v1/', [{ clientId: [], clientToken: [] }]],
  ['/management/v1/', [{ managementId: [], managementToken: [] }]],
];

const CSV_FILE_BODY = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'The CSV file' } },
};

/**
 * The document's view of a route: the key its prefix needs, and for multipart uploads (read in
 * the handler, so without a body schema) the `file` field they expect. Validation is unchanged.
 */
function documentRoute({ schema, url }: { schema: FastifySchema; url: string }) {
  const documented: FastifySchema = { ...schema };
  const security = SECURITY_BY_PREFIX.find(([prefix]) => url.startsWith(prefix))?.[1];
  if (security && documented.security === undefined) documented.security = security;
  if (documented.consumes?.includes('multipart/form-data') && documented.body === undefined) {
    documented.body = CSV_FILE_BODY;
  }
  return { schema: documented, url };
}

/** `GET /openapi.json` describes every route from the same schemas that validate it; `/docs` shows it. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addSchema(ErrorObject);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Vouch API',
        version,
        description:
          "Vouch's HTTP API, compatible with Voucherify's v1 API. Server-side routes take X-App-Id/X-App-Token, client-side routes X-Client-Application-Id/X-Client-Token, management routes X-Management-Id/X-Management-Token.",
      },
      components: {
        securitySchemes: {
          appId: { type: 'apiKey', in: 'header', name: 'X-App-Id' },
          appToken: { type: 'apiKey', in: 'header', name: 'X-App-Token' },
          clientId: { type: 'apiKey', in: 'header', name: 'X-Client-Application-Id' },
          clientToken: { type: 'apiKey', in: 'header', name: 'X-Client-Token' },
          managementId: { type: 'apiKey', in: 'header', name: 'X-Management-Id' },
          managementToken: { type: 'apiKey', in: 'header', name: 'X-Management-Token' },
        },
      },
    },
    transform: documentRoute,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
