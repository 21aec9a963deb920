import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;

const BIG_ORDERS = {
  name: 'Big orders',
  rules: {
    '1': { name: 'order.amount', conditions: { $more_than_equal: [10000] }, error: { message: 'Spend 100 first' } },
    logic: '1',
  },
};

const cart = (amount: number) => ({
  amount,
  items: [{ source_id: 'coffee', related_object: 'product' as const, quantity: 1, price: amount }],
});

interface AssignmentLike {
  id: string;
  rule_id: string;
  related_object_id: string;
  related_object_type: string;
}

describe.each(TEST_DATABASES)('validation rules sent with vouchers and campaigns on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  /** The SDK's typings lag behind the API's fields; tests send what the API takes. */
  const createRule = (project: TestProject, name: string) =>
    server
      .sdk(project)
      .validationRules.create({ ...BIG_ORDERS, name } as never)
      .then(loose);

  const createVoucher = (project: TestProject, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .vouchers.create({ type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF, ...body } as never)
      .then(loose);

  const createCampaign = (project: TestProject, body: Record<string, unknown>) =>
    server
      .sdk(project)
      .campaigns.create({
        campaign_type: 'DISCOUNT_COUPONS',
        type: 'AUTO_UPDATE',
        voucher: { type: 'DISCOUNT_VOUCHER', discount: TENTH_OFF },
        ...body,
      } as never)
      .then(loose);

  const put = (project: TestProject, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { ...server.serverHeaders(project), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const ruleIdsOf = (object: Loose) =>
    (object.validation_rules_assignments.data as AssignmentLike[]).map((assignment) => assignment.rule_id);

  it('creates a voucher with its rules, shows them on get and list, and enforces them', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(project, 'Big orders');
    const created = await createVoucher(project, { code: 'RULED', validation_rules: [rule.id, rule.id] });
    expectConformsToSpec('post', '/v1/vouchers/{code}', 200, created);
    const expected = {
      object: 'list',
      data_ref: 'data',
      total: 1,
      data: [
        {
          id: expect.stringMatching(/^asgm_/),
          rule_id: rule.id,
          related_object_id: created.id,
          related_object_type: 'voucher',
          created_at: expect.stringMatching(/Z$/),
          object: 'validation_rules_assignment',
        },
      ],
    };
    expect(created.validation_rules_assignments).toEqual(expected);

    const read = loose(await sdk.vouchers.get('RULED'));
    expectConformsToSpec('get', '/v1/vouchers/{code}', 200, read);
    expect(read.validation_rules_assignments).toEqual(created.validation_rules_assignments);

    await createVoucher(project, { code: 'PLAIN' });
    const listed = loose(await sdk.vouchers.list());
    expectConformsToSpec('get', '/v1/vouchers', 200, listed);
    const byCode = new Map(listed.vouchers.map((voucher: Loose) => [voucher.code, voucher]));
    expect((byCode.get('RULED') as Loose).validation_rules_assignments).toEqual(expected);
    expect((byCode.get('PLAIN') as Loose).validation_rules_assignments).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [],
      total: 0,
    });

    const everywhere = loose(await sdk.validationRules.listRulesAssignments({ related_object_id: created.id }));
    expect(everywhere.data.map((a: AssignmentLike) => a.id)).toEqual([created.validation_rules_assignments.data[0].id]);
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(1);

    const small = loose(await sdk.validations.validateVoucher('RULED', { order: cart(4000) }));
    expect(small).toMatchObject({ valid: false, error: { key: 'order_rules_violated', message: 'Spend 100 first' } });
    const big = loose(await sdk.validations.validateVoucher('RULED', { order: cart(20000) }));
    expect(big).toMatchObject({ valid: true });
  });

  it('refuses an unknown rule with a 404 naming it and stores nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(project, 'Known');
    await expect(
      createVoucher(project, { code: 'NOPE', validation_rules: [rule.id, 'val_unknown'] }),
    ).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      details: 'Cannot find validation_rules with id val_unknown',
    });
    await expect(sdk.vouchers.get('NOPE')).rejects.toMatchObject({ code: 404 });
    await expect(createVoucher(project, { validation_rules: ['val_unknown'] })).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.vouchers.list()).total).toBe(0);

    // Another project's rule is as unknown as one that never existed.
    const elsewhere = await createRule(await server.createProject(), 'Elsewhere');
    await expect(createVoucher(project, { code: 'FOREIGN', validation_rules: [elsewhere.id] })).rejects.toMatchObject({
      code: 404,
    });

    await expect(
      createCampaign(project, { name: 'Nope', vouchers_count: 2, validation_rules: ['val_unknown'] }),
    ).rejects.toMatchObject({ code: 404, key: 'not_found' });
    expect(loose(await sdk.campaigns.list()).total).toBe(0);
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(0);
    expect(loose(await sdk.validationRules.listRulesAssignments({})).total).toBe(0);
  });

  it('creates a campaign with its rule, shown on get and list, enforced on its vouchers', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(project, 'Campaign rule');
    const campaign = await createCampaign(project, { name: 'Ruled', vouchers_count: 1, validation_rules: [rule.id] });
    expectConformsToSpec('post', '/v1/campaigns', 200, campaign);
    expect(campaign.validation_rules_assignments).toMatchObject({
      object: 'list',
      total: 1,
      data: [{ rule_id: rule.id, related_object_id: campaign.id, related_object_type: 'campaign' }],
    });
    const read = loose(await sdk.campaigns.get(campaign.id));
    expectConformsToSpec('get', '/v1/campaigns/{campaignId}', 200, read);
    expect(read.validation_rules_assignments).toEqual(campaign.validation_rules_assignments);
    await createCampaign(project, { name: 'Plain' });
    const listed = loose(await sdk.campaigns.list());
    expectConformsToSpec('get', '/v1/campaigns', 200, listed);
    const byName = new Map(listed.campaigns.map((c: Loose) => [c.name, c]));
    expect(ruleIdsOf(byName.get('Ruled') as Loose)).toEqual([rule.id]);
    expect(ruleIdsOf(byName.get('Plain') as Loose)).toEqual([]);

    const [voucher] = loose(await sdk.vouchers.list({ campaign: 'Ruled' } as never)).vouchers as Loose[];
    // The voucher shows its own assignments; the campaign's apply to it all the same.
    expect(ruleIdsOf(voucher as Loose)).toEqual([]);
    const small = loose(await sdk.validations.validateVoucher((voucher as Loose).code, { order: cart(4000) }));
    expect(small).toMatchObject({ valid: false, error: { key: 'order_rules_violated' } });

    // A voucher added to the campaign with a rule of its own shows it.
    const own = await createRule(project, 'Own');
    const added = await createVoucher(project, { code: 'IN-RULED', campaign: 'Ruled', validation_rules: [own.id] });
    expect(ruleIdsOf(added)).toEqual([own.id]);
  });

  it('replaces a voucher’s rules on update, keeping the ones still listed', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const first = await createRule(project, 'First');
    const second = await createRule(project, 'Second');
    const third = await createRule(project, 'Third');
    const created = await createVoucher(project, { code: 'SWAP', validation_rules: [first.id, second.id] });
    expect(ruleIdsOf(created)).toEqual([first.id, second.id]);
    const kept = (created.validation_rules_assignments.data as AssignmentLike[])[1] as AssignmentLike;

    const updated = loose(
      await sdk.vouchers.update({ code: 'SWAP', validation_rules: [second.id, third.id] } as never),
    );
    expectConformsToSpec('put', '/v1/vouchers/{code}', 200, updated);
    expect(ruleIdsOf(updated)).toEqual([second.id, third.id]);
    expect((updated.validation_rules_assignments.data as AssignmentLike[])[0]?.id).toBe(kept.id);
    expect(loose(await sdk.validationRules.get(first.id)).assignments_count).toBe(0);

    const untouched = loose(await sdk.vouchers.update({ code: 'SWAP', additional_info: 'same rules' } as never));
    expect(ruleIdsOf(untouched)).toEqual([second.id, third.id]);

    const refused = await put(project, '/v1/vouchers/SWAP', { validation_rules: [first.id, 'val_unknown'] });
    expect(refused.status).toBe(404);
    expect(ruleIdsOf(loose(await sdk.vouchers.get('SWAP')))).toEqual([second.id, third.id]);

    const cleared = loose(await sdk.vouchers.update({ code: 'SWAP', validation_rules: [] } as never));
    expect(ruleIdsOf(cleared)).toEqual([]);
    expect(loose(await sdk.validationRules.listRulesAssignments({})).total).toBe(0);
  });

  it('ends with one whole set of rules when updates race to replace them', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rules: Loose[] = [];
    for (let i = 0; i < 6; i++) rules.push(await createRule(project, `Racer ${i}`));
    await createVoucher(project, { code: 'RACED' });
    const sets = rules.map((rule, i) => [rule.id, (rules[(i + 1) % rules.length] as Loose).id]);
    const answers = await Promise.all(sets.map((set) => put(project, '/v1/vouchers/RACED', { validation_rules: set })));
    expect(answers.map((answer) => answer.status)).toEqual(sets.map(() => 200));
    const final = ruleIdsOf(loose(await sdk.vouchers.get('RACED')));
    expect(sets.map((set) => [...set].sort().join())).toContain([...final].sort().join());
  });

  it('removes the assignments of a deleted voucher and of a deleted campaign and its vouchers', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(project, 'Counted');
    await createVoucher(project, { code: 'BINNED', validation_rules: [rule.id] });
    await createVoucher(project, { code: 'GONE', validation_rules: [rule.id] });
    await createVoucher(project, { code: 'STAYS', validation_rules: [rule.id] });
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(3);

    await sdk.vouchers.delete('BINNED');
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(2);
    await sdk.vouchers.delete('GONE', { force: true });
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(1);

    await createCampaign(project, { name: 'Doomed', validation_rules: [rule.id] });
    await createVoucher(project, { code: 'DOOMED-1', campaign: 'Doomed', validation_rules: [rule.id] });
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(3);
    await sdk.campaigns.delete('Doomed');
    expect(loose(await sdk.validationRules.get(rule.id)).assignments_count).toBe(1);
    const actions = await sdk.asyncActions.list({ limit: 10 });
    expect(actions.async_actions).toHaveLength(1);
    await waitForAsyncAction(server, (actions.async_actions[0] as { id: string }).id, project);
    const left = loose(await sdk.validationRules.listRulesAssignments({}));
    expect(left.data.map((a: AssignmentLike) => a.related_object_type)).toEqual(['voucher']);
    expect(ruleIdsOf(loose(await sdk.vouchers.get('STAYS')))).toEqual([rule.id]);
  });

  it('imports vouchers with their rules, failing a row whose rule is unknown', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const rule = await createRule(project, 'Imported');
    const queued = await sdk.vouchers.import([
      { code: 'IMP-RULED', discount: TENTH_OFF, validation_rules: [rule.id] },
      { code: 'IMP-UNKNOWN', discount: TENTH_OFF, validation_rules: ['val_unknown'] },
    ] as never);
    const done = loose(await waitForAsyncAction(server, queued.async_action_id, project));
    expect(done.result).toMatchObject({
      done_count: 1,
      failed_count: 1,
      failed: [{ code: 'IMP-UNKNOWN', reason: expect.stringContaining('val_unknown') }],
    });
    expect(ruleIdsOf(loose(await sdk.vouchers.get('IMP-RULED')))).toEqual([rule.id]);
    await expect(sdk.vouchers.get('IMP-UNKNOWN')).rejects.toMatchObject({ code: 404 });
  });
});
