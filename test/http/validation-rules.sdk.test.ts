import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

const BIG_ORDERS = {
  name: 'Big orders from VIPs',
  error: { message: 'Only for big orders' },
  rules: {
    '1': { name: 'order.amount', conditions: { $more_than_equal: [10000] } },
    '2': { name: 'customer.metadata', property: 'tier', conditions: { $is: ['vip'] }, error: { message: 'VIPs only' } },
    logic: '1 and 2',
  },
};

describe.each(TEST_DATABASES)('validation rules through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const createRule = (body: Record<string, unknown>, project?: TestProject) =>
    server
      .sdk(project)
      .validationRules.create(body as never)
      .then(loose);

  const createVoucher = (code: string, project?: TestProject) =>
    server
      .sdk(project)
      .vouchers.create({ code, type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF } as never)
      .then(loose);

  const createCampaign = (name: string, project?: TestProject) =>
    server
      .sdk(project)
      .campaigns.create({
        name,
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
      } as never)
      .then(loose);

  it('creates, reads, updates and deletes a rule, echoing the rules as sent', async () => {
    const sdk = server.sdk();
    const created = await createRule(BIG_ORDERS);
    expectConformsToSpec('post', '/v1/validation-rules', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^val_/),
      name: 'Big orders from VIPs',
      rules: {
        '1': { name: 'order.amount', property: null, conditions: { $more_than_equal: [10000] }, rules: {} },
        '2': {
          name: 'customer.metadata',
          property: 'tier',
          conditions: { $is: ['vip'] },
          rules: {},
          error: { message: 'VIPs only' },
        },
        logic: '1 and 2',
      },
      error: { message: 'Only for big orders' },
      applicable_to: { included: [], excluded: [], included_all: false },
      type: 'expression',
      context_type: 'global',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      assignments_count: 0,
      object: 'validation_rules',
    });

    const read = loose(await sdk.validationRules.get(created.id));
    expectConformsToSpec('get', '/v1/validation-rules/{validationRuleId}', 200, read);
    expect(read).toEqual(created);

    const updated = loose(
      await sdk.validationRules.update({
        id: created.id,
        name: 'Small orders',
        rules: { '1': { name: 'order.amount', conditions: { $less_than: [5000] } }, logic: '' },
      }),
    );
    expectConformsToSpec('put', '/v1/validation-rules/{validationRuleId}', 200, updated);
    expect(updated).toMatchObject({
      id: created.id,
      name: 'Small orders',
      rules: { '1': { name: 'order.amount', conditions: { $less_than: [5000] } }, logic: '' },
      error: { message: 'Only for big orders' },
      created_at: created.created_at,
    });
    expect(updated.rules['2']).toBeUndefined();
    expect(updated.updated_at).toMatch(/Z$/);
    expect(loose(await sdk.validationRules.get(created.id))).toEqual(updated);

    const withApplicable = loose(
      await sdk.validationRules.update({
        id: created.id,
        applicable_to: { included: [{ object: 'product', id: 'prod_1', strict: false, effect: 'APPLY_TO_EVERY' }] },
        type: 'advanced',
      } as never),
    );
    expect(withApplicable).toMatchObject({
      name: 'Small orders',
      rules: updated.rules,
      type: 'advanced',
      applicable_to: {
        included: [{ object: 'product', id: 'prod_1', strict: false, effect: 'APPLY_TO_EVERY' }],
        excluded: [],
        included_all: false,
      },
    });
    expectConformsToSpec('put', '/v1/validation-rules/{validationRuleId}', 200, withApplicable);

    await sdk.validationRules.delete(created.id);
    await expect(sdk.validationRules.get(created.id)).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: `Cannot find validation_rules with id ${created.id}`,
    });
    await expect(sdk.validationRules.delete(created.id)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.validationRules.update({ id: created.id, name: 'Gone' })).rejects.toMatchObject({ code: 404 });
  });

  it('refuses a definition it cannot evaluate with invalid_validation_rules naming every problem, and stores nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const kept = await createRule(BIG_ORDERS, project);
    const refusals: [string, Record<string, unknown>, string[]][] = [
      [
        'unknown rule name',
        { name: 'x', rules: { '1': { name: 'order.colour', conditions: { $is: ['red'] } }, logic: '1' } },
        ['rules.1.name: unknown rule name "order.colour"'],
      ],
      [
        'bad operator',
        { name: 'x', rules: { '1': { name: 'order.amount', conditions: { $near: [100] } }, logic: '1' } },
        ['rules.1.conditions.$near: is not an operator'],
      ],
      [
        'bad logic',
        { name: 'x', rules: { '1': { name: 'order.amount', conditions: { $is: [100] } }, logic: '1 and (' } },
        ['rules.logic: cannot be read'],
      ],
      [
        'logic naming an undefined rule',
        { name: 'x', rules: { '1': { name: 'order.amount', conditions: { $is: [100] } }, logic: '1 or 7' } },
        ['rules.logic: names rule "7", which is not defined'],
      ],
      [
        'several problems at once',
        {
          name: 'x',
          rules: {
            '1': { name: 'order.colour', conditions: { $is: ['red'] } },
            '2': { name: 'customer.metadata', conditions: { $is: ['vip'] } },
            logic: '1 and 2',
          },
          applicable_to: { included: [{ object: 'planet', id: 'earth' }] },
        },
        ['rules.1.name', 'rules.2.property: is required', 'applicable_to.included[0].object'],
      ],
    ];
    for (const [name, body, expected] of refusals) {
      const refused = await createRule(body, project).then(
        () => undefined,
        (error: unknown) => loose(error),
      );
      expect(refused, name).toMatchObject({ code: 400, key: 'invalid_validation_rules' });
      for (const part of expected) expect(refused?.details, name).toContain(part);
    }
    await expect(
      sdk.validationRules.update({
        id: kept.id,
        rules: { '1': { name: 'order.amount', conditions: { $wat: [1] } }, logic: '1' },
      }),
    ).rejects.toMatchObject({ code: 400, key: 'invalid_validation_rules' });
    await expect(sdk.validationRules.create({ rules: { logic: '' } } as never)).rejects.toMatchObject({ code: 400 });

    const all = loose(await sdk.validationRules.list());
    expect(all.total).toBe(1);
    expect(loose(await sdk.validationRules.get(kept.id))).toEqual(kept);
  });

  it('lists rules with total, paging, order and assignments_count', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const names = ['Alpha', 'Bravo', 'Charlie'];
    const created = [];
    for (const name of names) created.push(await createRule({ ...BIG_ORDERS, name }, project));
    const voucher = await createVoucher('COUNTED', project);
    await sdk.validationRules.createAssignment(created[0]?.id, { voucher: voucher.code });

    const all = loose(await sdk.validationRules.list());
    expectConformsToSpec('get', '/v1/validation-rules', 200, all);
    expect(all).toMatchObject({ object: 'list', data_ref: 'data', total: 3 });
    expect(all.data.map((rule: { name: string }) => rule.name)).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(all.data.map((rule: { assignments_count: number }) => rule.assignments_count)).toEqual([0, 0, 1]);
    expect(loose(await sdk.validationRules.get(created[0]?.id)).assignments_count).toBe(1);

    const byName = loose(await sdk.validationRules.list({ order: 'name', limit: 2, page: 2 } as never));
    expect(byName.data.map((rule: { name: string }) => rule.name)).toEqual(['Charlie']);
    expect(byName.total).toBe(3);
    await expect(sdk.validationRules.list({ order: 'colour' } as never)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_query_params',
    });
  });

  it('assigns a rule with the SDK body and with the spec body, lists and deletes assignments', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(BIG_ORDERS, project);
    const other = await createRule({ ...BIG_ORDERS, name: 'Other' }, project);
    const voucher = await createVoucher('RULED-1', project);
    const campaign = await createCampaign('Ruled campaign', project);

    const byCode = loose(await sdk.validationRules.createAssignment(rule.id, { voucher: 'RULED-1' }));
    expectConformsToSpec('post', '/v1/validation-rules/{validationRuleId}/assignments', 200, byCode);
    expect(byCode).toEqual({
      id: expect.stringMatching(/^asgm_/),
      rule_id: rule.id,
      related_object_id: voucher.id,
      related_object_type: 'voucher',
      created_at: expect.stringMatching(/Z$/),
      object: 'validation_rules_assignment',
    });
    const byName = loose(await sdk.validationRules.createAssignment(rule.id, { campaign: 'Ruled campaign' }));
    expect(byName).toMatchObject({ related_object_id: campaign.id, related_object_type: 'campaign' });
    const specStyle = loose(
      await sdk.validationRules.createAssignment(other.id, {
        related_object_type: 'voucher',
        related_object_id: voucher.id,
      } as never),
    );
    expect(specStyle).toMatchObject({
      rule_id: other.id,
      related_object_id: voucher.id,
      related_object_type: 'voucher',
    });

    await expect(sdk.validationRules.createAssignment(rule.id, { voucher: voucher.id })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
    });
    const missing: [string, Record<string, unknown>, number][] = [
      ['unknown voucher', { voucher: 'NO-SUCH-CODE' }, 404],
      ['unknown campaign', { campaign: 'camp_nothing' }, 404],
      ['promotion tier (none exist)', { promotion_tier: 'promo_1' }, 404],
      ['spec body with an unknown object', { related_object_type: 'campaign', related_object_id: 'camp_x' }, 404],
      ['nothing named', {}, 400],
      ['two objects named', { voucher: voucher.id, campaign: campaign.id }, 400],
      ['type without id', { related_object_type: 'voucher' }, 400],
      ['unknown type', { related_object_type: 'planet', related_object_id: 'earth' }, 400],
    ];
    for (const [name, body, code] of missing) {
      await expect(sdk.validationRules.createAssignment(rule.id, body as never), name).rejects.toMatchObject({ code });
    }
    await expect(sdk.validationRules.createAssignment('val_nothing', { voucher: voucher.id })).rejects.toMatchObject({
      code: 404,
      details: 'Cannot find validation_rules with id val_nothing',
    });

    const ofRule = loose(await sdk.validationRules.listAssignments(rule.id));
    expectConformsToSpec('get', '/v1/validation-rules/{validationRuleId}/assignments', 200, ofRule);
    expect(ofRule).toMatchObject({ object: 'list', data_ref: 'data', total: 2 });
    expect(ofRule.data.map((a: { id: string }) => a.id)).toEqual([byName.id, byCode.id]);
    await expect(sdk.validationRules.listAssignments('val_nothing')).rejects.toMatchObject({ code: 404 });

    const everything = loose(await sdk.validationRules.listRulesAssignments());
    expectConformsToSpec('get', '/v1/validation-rules-assignments', 200, everything);
    expect(everything.total).toBe(3);
    const ofVoucher = loose(await sdk.validationRules.listRulesAssignments({ related_object_id: voucher.id }));
    expect(ofVoucher.data.map((a: { id: string }) => a.id).sort()).toEqual([byCode.id, specStyle.id].sort());
    const ofOther = loose(await sdk.validationRules.listRulesAssignments({ rule: other.id }));
    expect(ofOther.data.map((a: { id: string }) => a.id)).toEqual([specStyle.id]);
    const oldestFirst = loose(await sdk.validationRules.listRulesAssignments({ order: 'created_at', limit: 1 }));
    expect(oldestFirst.data.map((a: { id: string }) => a.id)).toEqual([byCode.id]);

    // The SDK has no place for `force`; the spec puts it in the query string.
    const replaced = await fetch(`${server.url}/v1/validation-rules/${rule.id}/assignments?force=true`, {
      method: 'POST',
      headers: { ...server.serverHeaders(project), 'content-type': 'application/json' },
      body: JSON.stringify({ voucher: voucher.code }),
    });
    expect(replaced.status).toBe(200);
    const replacement = loose(await replaced.json());
    expect(replacement.id).not.toBe(byCode.id);
    expect(loose(await sdk.validationRules.listAssignments(rule.id)).total).toBe(2);

    await sdk.validationRules.deleteAssignment(rule.id, replacement.id);
    await expect(sdk.validationRules.deleteAssignment(rule.id, replacement.id)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.validationRules.deleteAssignment(rule.id, specStyle.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.validationRules.listAssignments(rule.id)).total).toBe(1);

    await sdk.validationRules.delete(rule.id);
    const left = loose(await sdk.validationRules.listRulesAssignments());
    expect(left.data.map((a: { id: string }) => a.id)).toEqual([specStyle.id]);
  });

  it("never shows or touches another project's rules and assignments", async () => {
    const sdk = server.sdk();
    const rule = await createRule(BIG_ORDERS);
    const voucher = await createVoucher('MINE-ONLY');
    const assignment = loose(await sdk.validationRules.createAssignment(rule.id, { voucher: voucher.id }));

    const foreign = server.sdk(server.otherProject);
    const notFound = { code: 404, key: 'not_found' };
    await expect(foreign.validationRules.get(rule.id)).rejects.toMatchObject(notFound);
    await expect(foreign.validationRules.update({ id: rule.id, name: 'Taken' })).rejects.toMatchObject(notFound);
    await expect(foreign.validationRules.delete(rule.id)).rejects.toMatchObject(notFound);
    await expect(foreign.validationRules.listAssignments(rule.id)).rejects.toMatchObject(notFound);
    await expect(foreign.validationRules.deleteAssignment(rule.id, assignment.id)).rejects.toMatchObject(notFound);
    await expect(foreign.validationRules.createAssignment(rule.id, { voucher: voucher.id })).rejects.toMatchObject(
      notFound,
    );
    const foreignRule = await createRule(BIG_ORDERS, server.otherProject);
    await expect(
      foreign.validationRules.createAssignment(foreignRule.id, { voucher: voucher.id }),
    ).rejects.toMatchObject(notFound);
    expect(loose(await foreign.validationRules.list()).data.map((r: { id: string }) => r.id)).toEqual([foreignRule.id]);
    expect(loose(await foreign.validationRules.listRulesAssignments()).total).toBe(0);
    expect(loose(await sdk.validationRules.get(rule.id))).toMatchObject({
      name: BIG_ORDERS.name,
      assignments_count: 1,
    });
  });
});
