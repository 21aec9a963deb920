import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorObject } from '../schemas/common.js';

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
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
