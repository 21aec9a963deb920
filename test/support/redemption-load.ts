import type { Attempt, CrashLedger, Operation, SeenAnswer } from './crash-ledger.js';

/** Where the load goes: a running Vouch and a server-side key of its project. */
export interface LoadTarget {
  url: string;
  appId: string;
  secret: string;
}

export interface LoadVoucher {
  code: string;
  /** `redemption.quantity`; null for unlimited. */
  quantity: number | null;
}

export interface LoadPlan {
  clients: number;
  vouchers: readonly LoadVoucher[];
  /** Share of operations that roll back an earlier success instead of redeeming. */
  rollbackShare: number;
  /** Share of requests sent with an Idempotency-Key. */
  idempotentShare: number;
  /** Share of redemptions that name one of a few shared customers (an upsert raced by others). */
  customerShare: number;
  random: () => number;
}

/** Long enough for a busy two-core machine; a request still open then counts as unanswered. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Sends one redemption or rollback the way a shop's backend would, and says what came back. */
export async function sendOperation(
  target: LoadTarget,
  op: Operation,
  subject: string,
  body: Record<string, unknown>,
  idempotencyKey: string | null,
): Promise<SeenAnswer> {
  const path =
    op === 'redeem'
      ? `/v1/vouchers/${encodeURIComponent(subject)}/redemption`
      : `/v1/redemptions/${encodeURIComponent(subject)}/rollback`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${target.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-app-id': target.appId,
        'x-app-token': target.secret,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'unknown', reason: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  return readAnswer(response.status, text);
}

function readAnswer(status: number, text: string): SeenAnswer {
  let json: { id?: unknown; key?: unknown; resource_id?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status === 200 && typeof json?.id === 'string') return { kind: 'succeeded', status: 200, id: json.id };
  if (status >= 400 && status < 500 && typeof json?.key === 'string') {
    const resourceId = typeof json.resource_id === 'string' ? json.resource_id : null;
    return { kind: 'refused', status, key: json.key, resourceId };
  }
  return { kind: 'unexpected', status, text: text.slice(0, 500) };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One client: redeem or roll back, one request at a time, until told to stop. */
async function runClient(
  target: LoadTarget,
  ledger: CrashLedger,
  plan: LoadPlan,
  client: number,
  cycle: number,
  shouldStop: () => boolean,
): Promise<void> {
  const { random } = plan;
  for (let seq = 0; !shouldStop(); seq++) {
    const idempotencyKey = random() < plan.idempotentShare ? `crash-${cycle}-${client}-${seq}-${random()}` : null;
    const rollbackOf = random() < plan.rollbackShare ? ledger.takeRollbackCandidate(random) : undefined;
    let attempt: Omit<Attempt, 'answer'>;
    if (rollbackOf !== undefined) {
      attempt = { op: 'rollback', target: rollbackOf, idempotencyKey, body: { reason: `crash ${cycle}` }, cycle };
    } else {
      const voucher = pick(plan.vouchers, random);
      const customer =
        random() < plan.customerShare ? { customer: { source_id: `crash-customer-${Math.floor(random() * 8)}` } } : {};
      attempt = {
        op: 'redeem',
        target: voucher.code,
        idempotencyKey,
        body: { ...customer, metadata: { client, seq, cycle } },
        cycle,
      };
    }
    const answer = await sendOperation(target, attempt.op, attempt.target, attempt.body, idempotencyKey);
    ledger.record({ ...attempt, answer });
  }
}

/** `plan.clients` concurrent clients against one server, until `shouldStop` says so. */
export async function runRedemptionLoad(
  target: LoadTarget,
  ledger: CrashLedger,
  plan: LoadPlan,
  cycle: number,
  shouldStop: () => boolean,
): Promise<void> {
  await Promise.all(
    Array.from({ length: plan.clients }, (_, client) => runClient(target, ledger, plan, client, cycle, shouldStop)),
  );
}
