/**
 * The address a client is counted under. An IPv4 address counts alone. An IPv6 address counts
 * with its whole /64: one subscriber is routinely handed a /64 (2^64 addresses), so counting each
 * address alone would let a single machine pick a fresh one for every request.
 */
export function addressGroupOf(ip: string): string {
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  if (!ip.includes(':')) return ip;
  const groups = expandIpv6(ip.split('%')[0] ?? ip);
  if (!groups) return ip;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lowercase without leading zeros; null if it is not one. */
function expandIpv6(ip: string): string[] | null {
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const head = splitGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? splitGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<string>(missing).fill('0'), ...tail];
}

function splitGroups(part: string): string[] | null {
  if (part === '') return [];
  const groups = part.split(':');
  // A dotted IPv4 tail (::1.2.3.4) sits in the last 32 bits, beyond the /64 that is kept.
  const last = groups.at(-1) ?? '';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) groups.splice(-1, 1, '0', '0');
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
