import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GuessReservation, GuessThrottle } from '../app/security/guess-throttle.js';
import { AppError } from '../domain/errors.js';
import { addressGroupOf } from '../domain/security/client-address.js';

/** The answer to a code that does not exist: the only lookup that stays counted as a guess. */
function isUnknownCode(error: unknown): boolean {
  return error instanceof AppError && error.key === 'not_found' && error.resourceType === 'voucher';
}

/** One guess per code, all admitted or none (those taken are given back before the 429). */
async function admitGuesses(
  guesses: GuessThrottle,
  request: FastifyRequest,
  reply: FastifyReply,
  clientKeyId: string,
  count: number,
): Promise<GuessReservation[]> {
  const reservations: GuessReservation[] = [];
  for (let i = 0; i < count; i++) {
    const admission = await guesses.admit({ address: addressGroupOf(request.ip), clientKeyId });
    if (admission.admitted) {
      reservations.push(admission.reservation);
      continue;
    }
    for (const reservation of reservations) await guesses.giveBack(reservation);
    reply.header('retry-after', admission.retryAfterSeconds);
    const whose = admission.scope === 'address' ? 'this address' : 'this client-side key';
    throw new AppError('too_many_requests', {
      details: `Too many unknown codes from ${whose}; retry in ${admission.retryAfterSeconds} seconds`,
    });
  }
  return reservations;
}

/**
 * Runs `lookup` as one guess of the caller's: refused with a 429 while the caller (its address,
 * or its whole client-side key) has tried too many unknown codes lately, and kept counted only
 * when the code turns out not to exist.
 */
export async function lookUpAsGuess<T>(
  guesses: GuessThrottle | null,
  request: FastifyRequest,
  reply: FastifyReply,
  lookup: () => Promise<T>,
): Promise<T> {
  let unknown = 0;
  return lookUpAsGuesses(
    guesses,
    request,
    reply,
    1,
    async () => {
      try {
        return await lookup();
      } catch (error) {
        if (isUnknownCode(error)) unknown = 1;
        throw error;
      }
    },
    async () => unknown,
  );
}

/**
 * Runs `lookup` as `count` guesses (a stacked request naming several codes): all refused with a
 * 429 while the caller is over its limit, and afterwards only as many kept counted as
 * `countUnknown` says of the codes did not exist.
 */
export async function lookUpAsGuesses<T>(
  guesses: GuessThrottle | null,
  request: FastifyRequest,
  reply: FastifyReply,
  count: number,
  lookup: () => Promise<T>,
  countUnknown: () => Promise<number>,
): Promise<T> {
  const key = request.auth?.key;
  if (!guesses || !key || count === 0) return lookup();
  const reservations = await admitGuesses(guesses, request, reply, key.id, count);
  try {
    return await lookup();
  } finally {
    const unknown = await countUnknown().catch(() => 0);
    for (const reservation of reservations.slice(unknown)) await guesses.giveBack(reservation);
  }
}
