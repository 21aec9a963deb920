import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import qs from 'qs';
import { AppError } from '../domain/errors.js';
import type { AppDeps } from './app-deps.js';
import { requireKey } from './plugins/auth.js';
import { registerClientCors } from './plugins/cors.js';
import { errorBody, registerErrorHandling } from './plugins/error-handler.js';
import { registerJsonBody } from './plugins/json-body.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerRateLimits } from './plugins/rate-limit.js';
import { registerValidation } from './plugins/validation.js';
import { registerAssetRoutes } from './routes/assets.js';
import { registerAsyncActionRoutes } from './routes/async-actions.js';
import { registerCampaignSummaryRoute } from './routes/campaign-summary.js';
import { registerCampaignRoutes } from './routes/campaigns.js';
import { registerCategoryRoutes } from './routes/categories.js';
import { registerClientPromotionRoutes } from './routes/client-promotions.js';
import { registerClientRedemptionRoutes } from './routes/client-redemptions.js';
import { registerCustomerActivityRoutes } from './routes/customer-activities.js';
import { registerClientCustomerRoutes, registerCustomerRoutes } from './routes/customers.js';
import { registerDashboardAssets } from './routes/dashboard-assets.js';
import { registerDashboardInsightRoutes } from './routes/dashboard-insights.js';
import { registerDashboardKeyRoutes } from './routes/dashboard-keys.js';
import { registerDashboardSessionRoutes } from './routes/dashboard-session.js';
import { registerClientEventRoutes, registerEventRoutes } from './routes/events.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerGiftCardRoutes } from './routes/gift-cards.js';
import { registerHealthRoute } from './routes/health.js';
import { registerManagementProjectRoutes } from './routes/management-projects.js';
import { registerManagementMetadataSchemaRoutes, registerMetadataSchemaRoutes } from './routes/metadata-schemas.js';
import { registerOrderRoutes } from './routes/orders.js';
import { registerProductCollectionRoutes } from './routes/product-collections.js';
import { registerProductRoutes } from './routes/products.js';
import { registerPromotionValidationRoutes } from './routes/promotion-validation.js';
import { registerPromotionRoutes } from './routes/promotions.js';
import { registerClientPublicationRoutes, registerPublicationRoutes } from './routes/publications.js';
import { registerClientQualificationRoutes, registerQualificationRoutes } from './routes/qualifications.js';
import { registerRedemptionRoutes } from './routes/redemptions.js';
import { registerReferralRoutes } from './routes/referrals.js';
import { registerSegmentRoutes } from './routes/segments.js';
import {
  registerClientStackedRedemptionRoutes,
  registerStackedRedemptionRoutes,
} from './routes/stacked-redemptions.js';
import { registerStackingRulesRoutes } from './routes/stacking-rules.js';
import { registerValidationRuleRoutes } from './routes/validation-rules.js';
import { registerVoucherRoutes } from './routes/vouchers.js';

export const API_VERSION = '0.1.0';

/** Ids and source_ids are at most 500 characters (IdParam); a longer path segment names nothing. */
const MAX_PARAM_LENGTH = 500;

/** Voucherify's request ids look like `v-0a1b2c...`. */
function newRequestId(): string {
  // randomUUID draws from a pooled buffer; randomBytes would cost a call into the OS per request.
  return `v-${randomUUID().replaceAll('-', '')}`;
}

/** Query strings in the `qs` style the SDK writes: `filters[code][conditions][$in][0]=X`. */
function parseQueryString(text: string): Record<string, unknown> {
  return qs.parse(text, { depth: 8, arrayLimit: 100, parameterLimit: 500, allowPrototypes: false });
}

/** The Vouch HTTP app: every route, with authentication, validation and errors in Voucherify's shape. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.logLevel,
      redact: {
        paths: [
          'req.headers["x-app-token"]',
          'req.headers["x-client-token"]',
          'req.headers["x-management-token"]',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: deps.bodyLimitBytes,
    trustProxy: deps.trustProxy ?? false,
    routerOptions: { querystringParser: parseQueryString, maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Malformed URLs and over-long ids fail before routing; they still get the error object. No id
    // is longer than maxParamLength, so such a path names nothing: 404, without echoing the URL.
    frameworkErrors: (error, request, rawReply) => {
      const reply = rawReply as unknown as FastifyReply;
      const appError =
        error.code === 'FST_ERR_BAD_URL'
          ? new AppError('not_found', { details: 'The path is not a valid URL component' })
          : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? new AppError('not_found', { details: `A path parameter is longer than ${MAX_PARAM_LENGTH} characters` })
            : new AppError('internal_error');
      // These answers skip the hooks, so the request id header is set here.
      void reply
        .code(appError.code)
        .header('x-request-id', request.id)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(errorBody(appError, request.id)));
    },
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('projectContext', null);
  // While shutting down, answers close their connection, so a drained keep-alive socket does not
  // hold the process open until its idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  registerValidation(app);
  registerErrorHandling(app);
  registerJsonBody(app);
  await app.register(multipart, { limits: { fileSize: deps.bodyLimitBytes, files: 1, fields: 10 } });
  await registerOpenApi(app, API_VERSION);
  registerMetrics(app, deps.store);
  const traffic = registerRateLimits(app, deps);
  registerHealthRoute(app, deps);
  registerAssetRoutes(app, deps);
  await app.register(cookie);
  registerDashboardSessionRoutes(app, deps);
  registerDashboardKeyRoutes(app, deps);
  registerDashboardInsightRoutes(app, deps);
  await registerDashboardAssets(app, deps.dashboardDir);

  await app.register(
    async (v1) => {
      v1.addHook('onRequest', requireKey('server', deps));
      registerCustomerRoutes(v1);
      registerCustomerActivityRoutes(v1);
      registerEventRoutes(v1);
      registerProductRoutes(v1);
      registerProductCollectionRoutes(v1);
      registerCategoryRoutes(v1);
      registerValidationRuleRoutes(v1);
      registerMetadataSchemaRoutes(v1);
      registerSegmentRoutes(v1);
      registerOrderRoutes(v1);
      registerVoucherRoutes(v1, deps);
      registerCampaignRoutes(v1, deps);
      registerPromotionRoutes(v1);
      registerPromotionValidationRoutes(v1);
      registerQualificationRoutes(v1);
      registerAsyncActionRoutes(v1);
      registerRedemptionRoutes(v1, deps);
      registerStackedRedemptionRoutes(v1, deps);
      registerCampaignSummaryRoute(v1);
      registerPublicationRoutes(v1, deps);
      registerGiftCardRoutes(v1);
      registerExportRoutes(v1, deps);
      registerReferralRoutes(v1);
    },
    { prefix: '/v1' },
  );

  await app.register(
    async (client) => {
      registerClientCors(client, deps);
      client.addHook('onRequest', requireKey('client', deps));
      registerClientCustomerRoutes(client);
      registerClientEventRoutes(client);
      registerClientRedemptionRoutes(client, deps, traffic.guesses);
      registerClientQualificationRoutes(client);
      registerClientStackedRedemptionRoutes(client, deps, traffic.guesses);
      registerClientPromotionRoutes(client);
      registerClientPublicationRoutes(client, deps);
    },
    { prefix: '/client/v1' },
  );

  await app.register(
    async (management) => {
      management.addHook('onRequest', requireKey('management', deps));
      registerManagementProjectRoutes(management, deps);
      registerManagementMetadataSchemaRoutes(management, deps);
      registerStackingRulesRoutes(management, deps);
    },
    { prefix: '/management/v1' },
  );

  return app;
}
