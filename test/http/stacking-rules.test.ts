import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { errorShapeProblems, type InjectedAnswer } from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const LIST = '/management/v1/projects/{projectId}/stacking-rules';
const ONE = '/management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}';

const DEFAULTS = {
  exclusive_categories: [],
  joint_categories: [],
  redeemables_limit: 30,
  applicable_redeemables_limit: 5,
  applicable_redeemables_per_category_limit: null,
  applicable_redeemables_category_limits: {},
  applicable_exclusive_redeemables_limit: 1,
  applicable_exclusive_redeemables_per_category_limit: null,
  discount_calculation_mode: 'DISCOUNTED_AMOUNT',
  initial_amount_mode_categories: [],
  discounted_amount_mode_categories: [],
  redeemables_application_mode: 'ALL',
  redeemables_sorting_rule: 'REQUESTED_ORDER',
  redeemables_no_effect_rule: 'REDEEM_ANYWAY',
  no_effect_skip_categories: [],
  no_effect_redeem_anyway_categories: [],
  redeemables_products_application_mode: 'STACK',
  redeemables_rollback_order_mode: 'WITH_ORDER',
  grouped_redeemables_sorting_rule: 'JOINT_ALWAYS_LAST',
};

describe.each(TEST_DATABASES)('stacking rules through the management API on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const call = (method: HTTPMethods, url: string, body?: unknown) =>
    server.app.inject({
      method,
      url: `/management/v1${url}`,
      headers: { ...server.managementHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const json = (answer: InjectedAnswer): Loose => loose(JSON.parse(answer.body));
  const expectError = (answer: InjectedAnswer, status: number, key?: string) =>
    expect(errorShapeProblems(answer, status, key)).toEqual([]);

  const listRules = async (project: TestProject) => {
    const answer = await call('GET', `/projects/${project.id}/stacking-rules`);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = json(answer);
    expectConformsToSpec('get', LIST, 200, body);
    expect(body).toMatchObject({ object: 'list', data_ref: 'data', total: 1 });
    return loose(body.data[0]);
  };
  const createRules = async (project: TestProject, body: Record<string, unknown>) => {
    const answer = await call('POST', `/projects/${project.id}/stacking-rules`, body);
    expect(answer.statusCode, answer.body).toBe(200);
    const created = json(answer);
    expectConformsToSpec('post', LIST, 200, created);
    return created;
  };
  const createCategory = async (project: TestProject, name: string, hierarchy = 1) =>
    loose(await server.sdk(project).categories.create({ name, hierarchy }));

  it("answers Voucherify's defaults, without an id, for a project that never set rules", async () => {
    const project = await server.createProject();
    expect(await listRules(project)).toEqual(DEFAULTS);
  });

  it('creates the rules once, reads them by id, and shows each listed category its stacking type', async () => {
    const project = await server.createProject();
    const vip = await createCategory(project, 'VIP', 0);
    const gift = await createCategory(project, 'Gifts', 3);
    const plain = await createCategory(project, 'Plain');
    const created = await createRules(project, {
      exclusive_categories: [vip.id],
      joint_categories: [gift.id],
      applicable_redeemables_limit: 10,
      applicable_redeemables_category_limits: { [plain.id]: 2 },
      redeemables_application_mode: 'PARTIAL',
      redeemables_sorting_rule: 'CATEGORY_HIERARCHY',
    });
    expect(created).toEqual({
      ...DEFAULTS,
      id: expect.stringMatching(/^stk_/),
      exclusive_categories: [vip.id],
      joint_categories: [gift.id],
      applicable_redeemables_limit: 10,
      applicable_redeemables_category_limits: { [plain.id]: 2 },
      redeemables_application_mode: 'PARTIAL',
      redeemables_sorting_rule: 'CATEGORY_HIERARCHY',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });

    const read = await call('GET', `/projects/${project.id}/stacking-rules/${created.id}`);
    expect(read.statusCode).toBe(200);
    expectConformsToSpec('get', ONE, 200, json(read));
    expect(json(read)).toEqual(created);
    expect(await listRules(project)).toEqual(created);

    expectError(await call('POST', `/projects/${project.id}/stacking-rules`, {}), 409, 'duplicate_found');

    const sdk = server.sdk(project);
    expect(loose(await sdk.categories.get(vip.id)).stacking_rules_type).toBe('EXCLUSIVE');
    expect(loose(await sdk.categories.get(gift.id)).stacking_rules_type).toBe('JOINT');
    const plainRead = loose(await sdk.categories.get(plain.id));
    expectConformsToSpec('get', '/v1/categories/{categoryId}', 200, plainRead);
    expect(plainRead).not.toHaveProperty('stacking_rules_type');
    const listed = loose(await sdk.categories.list());
    expectConformsToSpec('get', '/v1/categories', 200, listed);
    const types = Object.fromEntries(listed.data.map((c: Loose) => [c.name, c.stacking_rules_type]));
    expect(types).toEqual({ VIP: 'EXCLUSIVE', Gifts: 'JOINT', Plain: undefined });

    // Another project's categories know nothing of these rules.
    const other = loose(await server.sdk(server.otherProject).categories.create({ name: 'VIP', hierarchy: 1 }));
    expect(other).not.toHaveProperty('stacking_rules_type');
  });

  it('updates only the fields sent, replaces lists whole, and restores a default for null', async () => {
    const project = await server.createProject();
    const a = await createCategory(project, 'A');
    const b = await createCategory(project, 'B');
    const created = await createRules(project, {
      exclusive_categories: [a.id],
      applicable_redeemables_per_category_limit: 2,
      redeemables_products_application_mode: 'ONCE',
    });
    const answer = await call('PUT', `/projects/${project.id}/stacking-rules/${created.id}`, {
      exclusive_categories: [b.id],
      applicable_redeemables_per_category_limit: null,
      redeemables_no_effect_rule: 'SKIP',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const updated = json(answer);
    expectConformsToSpec('put', ONE, 200, updated);
    expect(updated).toEqual({
      ...created,
      exclusive_categories: [b.id],
      applicable_redeemables_per_category_limit: null,
      redeemables_no_effect_rule: 'SKIP',
      updated_at: expect.stringMatching(/Z$/),
    });
    expect(await listRules(project)).toEqual(updated);
  });

  it('deletes the rules, putting the defaults back', async () => {
    const project = await server.createProject();
    const created = await createRules(project, { redeemables_limit: 10, applicable_redeemables_limit: 2 });
    const deleted = await call('DELETE', `/projects/${project.id}/stacking-rules/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await listRules(project)).toEqual(DEFAULTS);
    const path = `/projects/${project.id}/stacking-rules/${created.id}`;
    expectError(await call('GET', path), 404, 'not_found');
    expectError(await call('PUT', path, { redeemables_limit: 3 }), 404, 'not_found');
    expectError(await call('DELETE', path), 404, 'not_found');
    // Created again after a delete: a new id.
    const again = await createRules(project, {});
    expect(again.id).not.toBe(created.id);
  });

  it('refuses bad values with a 400 (a missing category with a 404) and stores nothing', async () => {
    const project = await server.createProject();
    const a = await createCategory(project, 'A');
    const bad: [Record<string, unknown>, number][] = [
      [{ redeemables_limit: 31 }, 400],
      [{ applicable_redeemables_limit: 0 }, 400],
      [{ applicable_exclusive_redeemables_limit: 6 }, 400],
      [{ redeemables_limit: 3, applicable_redeemables_limit: 4 }, 400],
      [{ applicable_redeemables_per_category_limit: 6 }, 400],
      [{ redeemables_sorting_rule: 'RANDOM' }, 400],
      [{ exclusive_categories: 'cat_x' }, 400],
      [{ applicable_redeemables_category_limits: { [a.id]: 11 } }, 400],
      [{ exclusive_categories: [a.id], joint_categories: [a.id] }, 400],
      [{ redeemables_limit: '10' }, 400],
      [{ exclusive_categories: ['cat_missing'] }, 404],
      [{ applicable_redeemables_category_limits: { cat_missing: 1 } }, 404],
    ];
    for (const [body, status] of bad) {
      const answer = await call('POST', `/projects/${project.id}/stacking-rules`, body);
      expectError(answer, status, status === 400 ? undefined : 'not_found');
    }
    expect(await listRules(project)).toEqual(DEFAULTS);

    const created = await createRules(project, { joint_categories: [a.id] });
    for (const [body, status] of bad) {
      const answer = await call('PUT', `/projects/${project.id}/stacking-rules/${created.id}`, body);
      expectError(answer, status);
    }
    expect(await listRules(project)).toEqual(created);

    expectError(await call('GET', '/projects/proj_missing/stacking-rules'), 404, 'not_found');
    expectError(await call('POST', '/projects/proj_missing/stacking-rules', {}), 404, 'not_found');
  });

  it('refuses a project key on the management routes', async () => {
    const answer = await server.app.inject({
      method: 'GET',
      url: `/management/v1/projects/${server.project.id}/stacking-rules`,
      headers: server.serverHeaders(),
    });
    expect([401, 403]).toContain(answer.statusCode);
  });

  it('forgets a deleted category everywhere the rules name it', async () => {
    const project = await server.createProject();
    const keep = await createCategory(project, 'Keep');
    const gone = await createCategory(project, 'Gone');
    const created = await createRules(project, {
      exclusive_categories: [gone.id, keep.id],
      no_effect_skip_categories: [gone.id],
      applicable_redeemables_category_limits: { [gone.id]: 1, [keep.id]: 2 },
    });
    await server.sdk(project).categories.delete(gone.id);
    expect(await listRules(project)).toMatchObject({
      id: created.id,
      exclusive_categories: [keep.id],
      no_effect_skip_categories: [],
      applicable_redeemables_category_limits: { [keep.id]: 2 },
      updated_at: expect.any(String),
    });
  });

  it('lands every one of concurrent updates, and never names a category deleted meanwhile', async () => {
    const project = await server.createProject();
    const categories = await Promise.all(['One', 'Two', 'Three'].map((name) => createCategory(project, name)));
    const created = await createRules(project, {});
    const path = `/projects/${project.id}/stacking-rules/${created.id}`;
    const changes = [
      { redeemables_sorting_rule: 'CATEGORY_HIERARCHY' },
      { redeemables_no_effect_rule: 'SKIP' },
      { redeemables_products_application_mode: 'ONCE' },
      { redeemables_rollback_order_mode: 'WITHOUT_ORDER' },
      { discount_calculation_mode: 'INITIAL_AMOUNT' },
    ];
    const answers = await Promise.all(changes.map((change) => call('PUT', path, change)));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(await listRules(project)).toMatchObject(Object.assign({}, ...changes));

    const racing = await Promise.all([
      call('PUT', path, { joint_categories: categories.map((c) => c.id) }),
      server.sdk(project).categories.delete(categories[1]?.id),
    ]);
    expect([200, 404]).toContain(racing[0].statusCode);
    const joint = (await listRules(project)).joint_categories;
    expect(joint).not.toContain(categories[1]?.id);
  });
});
