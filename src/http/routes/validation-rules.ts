import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkValidationRule } from '../../app/validation-rules/check-validation-rule.js';
import { createValidationRule } from '../../app/validation-rules/create-validation-rule.js';
import { createValidationRuleAssignment } from '../../app/validation-rules/create-validation-rule-assignment.js';
import { deleteValidationRule } from '../../app/validation-rules/delete-validation-rule.js';
import { deleteValidationRuleAssignment } from '../../app/validation-rules/delete-validation-rule-assignment.js';
import { updateValidationRule } from '../../app/validation-rules/update-validation-rule.js';
import {
  getValidationRule,
  listAssignments,
  listRuleAssignments,
  listValidationRules,
} from '../../app/validation-rules/validation-rule-queries.js';
import { toRuleCheckObject } from '../../app/views/rule-check-view.js';
import { toValidationRuleAssignmentObject, toValidationRuleObject } from '../../app/views/validation-rule-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import { RuleCheckBody, RuleCheckObject } from '../schemas/rule-check.js';
import {
  AllAssignmentsListQuery,
  AssignmentCreateBody,
  AssignmentCreateQuery,
  AssignmentListQuery,
  AssignmentObject,
  ValidationRuleCreateBody,
  ValidationRuleListQuery,
  ValidationRuleObject,
  ValidationRuleUpdateBody,
} from '../schemas/validation-rule.js';

const tags = ['validation rules'];
const Params = IdParam('validationRuleId', "The validation rule's id");
const AssignmentParams = Type.Object({
  ...Params.properties,
  ...IdParam('assignmentId', "The assignment's id").properties,
});
const rulesOrder = {
  sortFields: ['created_at', 'updated_at', 'name'],
  defaultOrder: { field: 'created_at', direction: 'desc' },
} as const;
const assignmentsOrder = {
  sortFields: ['created_at'],
  defaultOrder: { field: 'created_at', direction: 'desc' },
} as const;

export function registerValidationRuleRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/validation-rules/:validationRuleId/validation',
    {
      schema: {
        tags,
        summary: 'Check a cart and customer against one validation rule, storing nothing',
        params: Params,
        body: Type.Optional(RuleCheckBody),
        response: { 200: RuleCheckObject },
      },
    },
    async (request) => {
      const outcome = await checkValidationRule(
        contextOf(request),
        request.params.validationRuleId,
        request.body ?? {},
      );
      return toRuleCheckObject(outcome, request.id);
    },
  );

  app.post(
    '/validation-rules',
    {
      schema: {
        tags,
        summary: 'Create a validation rule; every problem of its rules is named in one 400',
        body: ValidationRuleCreateBody,
        response: { 200: ValidationRuleObject },
      },
    },
    async (request) => toValidationRuleObject(await createValidationRule(contextOf(request), request.body)),
  );

  app.get(
    '/validation-rules',
    {
      schema: {
        tags,
        summary: 'List validation rules',
        querystring: ValidationRuleListQuery,
        response: { 200: ListOf('data', ValidationRuleObject) },
      },
    },
    async (request) => {
      const page = await listValidationRules(contextOf(request), toListQuery(request.query, rulesOrder));
      return listBody('data', page, toValidationRuleObject);
    },
  );

  app.get(
    '/validation-rules/:validationRuleId',
    { schema: { tags, summary: 'Get a validation rule', params: Params, response: { 200: ValidationRuleObject } } },
    async (request) =>
      toValidationRuleObject(await getValidationRule(contextOf(request), request.params.validationRuleId)),
  );

  app.put(
    '/validation-rules/:validationRuleId',
    {
      schema: {
        tags,
        summary: 'Update a validation rule; rules sent replace the stored ones whole',
        params: Params,
        body: ValidationRuleUpdateBody,
        response: { 200: ValidationRuleObject },
      },
    },
    async (request) =>
      toValidationRuleObject(
        await updateValidationRule(contextOf(request), request.params.validationRuleId, request.body),
      ),
  );

  app.delete(
    '/validation-rules/:validationRuleId',
    {
      schema: {
        tags,
        summary: 'Delete a validation rule and its assignments',
        params: Params,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteValidationRule(contextOf(request), request.params.validationRuleId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/validation-rules/:validationRuleId/assignments',
    {
      schema: {
        tags,
        summary: 'Assign a validation rule to a voucher (id or code), a campaign (id or name) or a promotion tier',
        params: Params,
        querystring: AssignmentCreateQuery,
        body: AssignmentCreateBody,
        response: { 200: AssignmentObject },
      },
    },
    async (request) =>
      toValidationRuleAssignmentObject(
        await createValidationRuleAssignment(contextOf(request), request.params.validationRuleId, request.body, {
          force: request.query.force,
        }),
      ),
  );

  app.get(
    '/validation-rules/:validationRuleId/assignments',
    {
      schema: {
        tags,
        summary: "List a validation rule's assignments",
        params: Params,
        querystring: AssignmentListQuery,
        response: { 200: ListOf('data', AssignmentObject) },
      },
    },
    async (request) => {
      const query = toListQuery(request.query, assignmentsOrder);
      const page = await listRuleAssignments(contextOf(request), request.params.validationRuleId, query);
      return listBody('data', page, toValidationRuleAssignmentObject);
    },
  );

  app.delete(
    '/validation-rules/:validationRuleId/assignments/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Delete a validation rule assignment',
        params: AssignmentParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { validationRuleId, assignmentId } = request.params;
      await deleteValidationRuleAssignment(contextOf(request), validationRuleId, assignmentId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/validation-rules-assignments',
    {
      schema: {
        tags,
        summary: 'List validation rule assignments, by rule or by the object assigned',
        querystring: AllAssignmentsListQuery,
        response: { 200: ListOf('data', AssignmentObject) },
      },
    },
    async (request) => {
      const { rule, related_object_id, ...paging } = request.query;
      const page = await listAssignments(contextOf(request), toListQuery(paging, assignmentsOrder), {
        rule_id: rule,
        related_object_id,
      });
      return listBody('data', page, toValidationRuleAssignmentObject);
    },
  );
}
