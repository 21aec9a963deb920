import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ProjectContext } from '../../app/context.js';
import {
  checkEligibility,
  type Qualification,
  type QualificationCaller,
} from '../../app/qualifications/check-eligibility.js';
import { loadPageAssignments } from '../../app/qualifications/page-assignments.js';
import type { QualificationRequest } from '../../app/qualifications/qualification-request.js';
import { trackingIdFor } from '../../app/redemptions/voucher-request.js';
import { toQualificationObject } from '../../app/views/qualification-view.js';
import { withoutHiddenMetadata } from '../../domain/projects/client-metadata.js';
import { type ClientAudience, clientAudience, presentOrder } from '../client-presenter.js';
import { contextOf } from '../plugins/auth.js';
import { QualificationBody, QualificationObject } from '../schemas/qualifications.js';

const summary =
  'What the customer can get on this cart: held codes, promotion tiers or stacks, campaigns, each with its discount';

/** Runs the qualification and shapes Voucherify's answer, with the assignments `expand` asks for. */
async function answerQualification(ctx: ProjectContext, body: QualificationRequest, caller: QualificationCaller) {
  const qualification: Qualification = await checkEligibility(ctx, body, caller);
  const expand = new Set(body.options?.expand ?? []);
  const assignments = expand.has('validation_rules')
    ? await loadPageAssignments(ctx.store, qualification.page.data)
    : new Map();
  const answer = toQualificationObject(qualification, {
    expand,
    trackingId: trackingIdFor(body, qualification.customer?.source_id ?? null),
    assignments,
  });
  return { qualification, answer };
}

/** `POST /v1/qualifications` (SDK `qualifications.checkEligibility`). */
export function registerQualificationRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/qualifications',
    { schema: { tags: ['qualifications'], summary, body: QualificationBody, response: { 200: QualificationObject } } },
    async (request) => {
      const { answer } = await answerQualification(contextOf(request), request.body, {
        writes: 'upsert',
        wallet: true,
      });
      return answer;
    },
  );
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of a listed redeemable a storefront sees: the spec's QualificationsRedeemable. */
const REDEEMABLE_FIELDS = new Set([
  'id',
  'object',
  'created_at',
  'result',
  'order',
  'applicable_to',
  'inapplicable_to',
  'metadata',
  'categories',
  'banner',
  'name',
  'campaign_name',
  'campaign_id',
  'validation_rules_assignments',
  'redeemables',
]);

function presentRedeemable(redeemable: JsonObject, audience: ClientAudience): JsonObject {
  const shown = Object.fromEntries(Object.entries(redeemable).filter(([field]) => REDEEMABLE_FIELDS.has(field)));
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  if (shown.object === 'voucher' && isJsonObject(shown.metadata)) {
    shown.metadata = withoutHiddenMetadata(shown.metadata, audience.hiddenMetadata.voucher);
  }
  if (Array.isArray(shown.redeemables)) {
    shown.redeemables = shown.redeemables.filter(isJsonObject).map((r) => presentRedeemable(r, audience));
  }
  return shown;
}

/** The qualification as a storefront sees it: orders and voucher metadata through the client presenter. */
function presentClientQualification(answer: ReturnType<typeof toQualificationObject>, audience: ClientAudience) {
  return {
    ...answer,
    redeemables: { ...answer.redeemables, data: answer.redeemables.data.map((r) => presentRedeemable(r, audience)) },
    ...(answer.order ? { order: presentOrder(answer.order, audience) } : {}),
  };
}

/**
 * `POST /client/v1/qualifications` (client SDK `qualifications`): the same qualification for a
 * public key, which never lists a customer's codes nor rewrites a stored customer.
 */
export function registerClientQualificationRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/qualifications',
    { schema: { tags: ['client-side'], summary, body: QualificationBody, response: { 200: QualificationObject } } },
    async (request) => {
      const ctx = contextOf(request);
      const { qualification, answer } = await answerQualification(ctx, request.body, {
        writes: 'create_only',
        wallet: false,
      });
      const audience = clientAudience(ctx.project, request.body.customer, qualification.customer?.id);
      return presentClientQualification(answer, audience);
    },
  );
}
