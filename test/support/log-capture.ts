/** One place a secret showed up in captured output. */
export interface SecretSighting {
  label: string;
  /** 1-based line of the output. */
  line: number;
  /** The line, shortened, with the secret itself masked so the report does not spread it further. */
  excerpt: string;
}

/** Secrets shorter than this would match by chance, and then the check proves nothing. */
const MIN_SECRET_LENGTH = 8;
const EXCERPT_LENGTH = 240;

/** The spellings a secret takes when a log writes it raw, in a URL or inside a JSON string. */
function spellingsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

function excerptOf(line: string, spelling: string): string {
  const masked = line.replaceAll(spelling, `[${'*'.repeat(4)}]`);
  const at = line.indexOf(spelling);
  const start = Math.max(0, at - EXCERPT_LENGTH / 2);
  return masked.slice(start, start + EXCERPT_LENGTH);
}

/**
 * Every line of `output` holding one of `secrets` (by label), in any of its usual spellings.
 * Refuses secrets too short to search for, so a passing check always means something.
 */
export function findSecrets(output: string, secrets: Record<string, string>): SecretSighting[] {
  const sightings: SecretSighting[] = [];
  const lines = output.split('\n');
  for (const [label, secret] of Object.entries(secrets)) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`the secret "${label}" is too short to search for (${secret.length} characters)`);
    }
    for (const spelling of spellingsOf(secret)) {
      lines.forEach((line, index) => {
        if (line.includes(spelling)) sightings.push({ label, line: index + 1, excerpt: excerptOf(line, spelling) });
      });
    }
  }
  return sightings;
}

/** How many times a secret occurs in `output`, in any spelling. */
export function countOccurrences(output: string, secret: string): number {
  return spellingsOf(secret).reduce((count, spelling) => count + output.split(spelling).length - 1, 0);
}

/** A report of sightings a failing assertion prints: which secret, on which line, in what context. */
export function describeSightings(sightings: readonly SecretSighting[]): string {
  return sightings.map((s) => `${s.label} on line ${s.line}: ${s.excerpt}`).join('\n');
}
