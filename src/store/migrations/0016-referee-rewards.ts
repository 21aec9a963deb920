import type { Kysely } from 'kysely';

/**
 * A conversion's referee reward. `referral_conversions.referee_reward` records what the referee
 * was granted (JSON, as `reward` records the referrer's), so a rollback takes exactly that back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referral_conversions').addColumn('referee_reward', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referral_conversions').dropColumn('referee_reward').execute();
}
