import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/app/ports.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

/** A clock the test moves: sessions end when it says so. */
function settableClock(): Clock & { advance(ms: number): void } {
  let time = Date.parse('2026-03-01T09:00:00.000Z');
  return {
    now: () => {
      time += 1; // creation order stays list order within a test
      return new Date(time);
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

const cart = {
  amount: 5000,
  items: [{ source_id: 'session-sku', related_object: 'product', quantity: 1, price: 5000 }],
};
const amountOff = { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' };

describe.each(TEST_DATABASES)('validation sessions (LOCK) through the official SDK on $name', (database) => {
  let server: TestServer;
  const clock = settableClock();
  beforeAll(async () => {
    server = await startTestServer(database, { clock });
  });
  afterAll(() => server?.close());

  const createVoucher = async (project: TestProject, code: string, quantity: number | null) =>
    server.sdk(project).vouchers.create({
      code,
      type: 'DISCOUNT_VOUCHER',
      discount: amountOff,
      ...(quantity === null ? {} : { redemption: { quantity } }),
    } as never);

  const validate = (project: TestProject, code: string, session: Record<string, unknown> | null) =>
    server
      .sdk(project)
      .validations.validateVoucher(code, { order: cart, ...(session ? { session } : {}) } as never)
      .then(loose);

  const redeem = (project: TestProject, code: string, sessionKey?: string) =>
    server
      .sdk(project)
      .redemptions.redeem(code, { order: cart, ...(sessionKey ? { session: { key: sessionKey } } : {}) } as never)
      .then((redemption) => ({ ok: true as const, redemption: loose(redemption) }))
      .catch((error: unknown) => ({ ok: false as const, error: loose(error) }));

  it('reserves at most the uses left, under parallel validations: 3 of 5 sessions on a voucher of 3', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'LOCK-3', 3);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => validate(project, 'LOCK-3', { type: 'LOCK', ttl: 1, ttl_unit: 'HOURS' })),
    );
    const held = answers.filter((answer) => answer.valid);
    expect(held).toHaveLength(3);
    for (const answer of held) {
      expect(answer.session).toEqual({ key: expect.stringMatching(/^ssn_/), type: 'LOCK', ttl: 1, ttl_unit: 'HOURS' });
      expectConformsToSpec('post', '/v1/vouchers/{code}/validate', 200, answer, 'legacy');
    }
    for (const answer of answers.filter((a) => !a.valid)) expect(answer.error.key).toBe('quantity_exceeded');

    // Every use is reserved: a validation or redemption without a session finds none.
    expect((await validate(project, 'LOCK-3', null)).valid).toBe(false);
    const plain = await redeem(project, 'LOCK-3');
    expect(plain.ok || plain.error.key).toBe('quantity_exceeded');

    // A redemption with its session uses that session's use, once.
    const key = held[0]?.session.key as string;
    const withSession = await redeem(project, 'LOCK-3', key);
    if (!withSession.ok) throw new Error(JSON.stringify(withSession.error));
    expect(withSession.redemption.session).toEqual({ key });
    const again = await redeem(project, 'LOCK-3', key);
    expect(again.ok || again.error.key).toBe('quantity_exceeded');

    // Releasing a session frees its use at once; releasing it twice is a 404.
    const other = held[1]?.session.key as string;
    await server.sdk(project).vouchers.releaseValidationSession('LOCK-3', other);
    const freed = await redeem(project, 'LOCK-3');
    expect(freed.ok).toBe(true);
    const twice = await server
      .sdk(project)
      .vouchers.releaseValidationSession('LOCK-3', other)
      .catch((error: unknown) => loose(error));
    expect(twice).toMatchObject({ code: 404, key: 'not_found' });
    expect(loose(await server.sdk(project).vouchers.get('LOCK-3')).redemption.redeemed_quantity).toBe(2);
  });

  it('a reservation and a redemption racing for the last use never both win', async () => {
    const project = await server.createProject();
    for (let round = 0; round < 12; round++) {
      const code = `LOCK-RACE-${round}`;
      await createVoucher(project, code, 1);
      const [validation, redemption] = await Promise.all([
        validate(project, code, { type: 'LOCK', key: `race-${round}` }),
        redeem(project, code),
      ]);
      expect([validation.valid, redemption.ok]).not.toEqual([true, true]);
      if (validation.valid) expect((await redeem(project, code, `race-${round}`)).ok).toBe(true);
    }
  });

  it('a session ends by itself when its time is up', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'LOCK-BRIEF', 1);
    const held = await validate(project, 'LOCK-BRIEF', { type: 'LOCK', ttl: 10, ttl_unit: 'MINUTES' });
    expect(held.valid).toBe(true);
    expect((await redeem(project, 'LOCK-BRIEF')).ok).toBe(false);
    clock.advance(11 * 60_000);
    expect((await redeem(project, 'LOCK-BRIEF')).ok).toBe(true);
  });

  it('the same key validating again renews its reservation instead of taking another use', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'LOCK-ONE', 1);
    const first = await validate(project, 'LOCK-ONE', { type: 'LOCK', key: 'cart-7' });
    const second = await validate(project, 'LOCK-ONE', { type: 'LOCK', key: 'cart-7' });
    expect([first.valid, second.valid]).toEqual([true, true]);
    expect(second.session).toEqual({ key: 'cart-7', type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
    expect((await validate(project, 'LOCK-ONE', { type: 'LOCK', key: 'cart-8' })).valid).toBe(false);
    expect((await redeem(project, 'LOCK-ONE', 'cart-7')).ok).toBe(true);
  });

  it('refuses a session it cannot keep with a clear 400', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'LOCK-BAD', 1);
    const refused = await validate(project, 'LOCK-BAD', { type: 'LOCK', ttl: 1, ttl_unit: 'WEEKS' }).catch(
      (error: unknown) => loose(error),
    );
    expect(refused).toMatchObject({ code: 400, key: 'invalid_payload' });
  });

  it('a stacked validation reserves every voucher it applies, and parallel stacks never over-reserve', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'STACK-LOCK-A', 4);
    await createVoucher(project, 'STACK-LOCK-B', null);
    const body = (key: string) => ({
      redeemables: [
        { object: 'voucher', id: 'STACK-LOCK-A' },
        { object: 'voucher', id: 'STACK-LOCK-B' },
      ],
      order: cart,
      session: { type: 'LOCK', key },
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server
          .sdk(project)
          .validations.validateStackable(body(`stack-${i}`) as never)
          .then(loose),
      ),
    );
    const held = answers.filter((answer: Loose) => answer.valid);
    expect(held).toHaveLength(4);
    for (const answer of held) {
      expectConformsToSpec('post', '/v1/validations', 200, answer);
      expect(answer.session).toMatchObject({ type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
    }
    for (const answer of answers.filter((a: Loose) => !a.valid)) {
      expect(answer.inapplicable_redeemables[0]).toMatchObject({
        id: 'STACK-LOCK-A',
        result: { error: { key: 'quantity_exceeded' } },
      });
    }
    const key = held[0]?.session.key as string;
    const redeemed = loose(
      await server.sdk(project).redemptions.redeemStackable({ ...body(key), session: { key } } as never),
    );
    expect(redeemed.parent_redemption.session).toEqual({ key });
    const without = await server
      .sdk(project)
      .redemptions.redeemStackable({ redeemables: [{ object: 'voucher', id: 'STACK-LOCK-A' }], order: cart } as never)
      .catch((error: unknown) => loose(error));
    expect(without).toMatchObject({ code: 400, key: 'quantity_exceeded' });
  });

  it('storefronts open sessions through the client-side validate', async () => {
    const project = await server.createProject();
    await createVoucher(project, 'CLIENT-LOCK', 1);
    const answer = loose(
      await server.clientSdk(project).validate({ code: 'CLIENT-LOCK', amount: 5000, session_type: 'LOCK' } as never),
    );
    expect(answer).toMatchObject({ valid: true, session: { type: 'LOCK', key: expect.stringMatching(/^ssn_/) } });
    expect((await redeem(project, 'CLIENT-LOCK')).ok).toBe(false);
  });
});
