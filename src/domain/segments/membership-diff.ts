/** How a customer's memberships must change: the segments to enter and those to leave. */
export interface MembershipChange {
  entered: string[];
  left: string[];
}

/**
 * The change from the segments a customer is in to those it now matches, over the segments that
 * were evaluated only: a static segment's membership is never touched by a filter's verdict.
 */
export function diffMembership(
  current: ReadonlySet<string>,
  matching: ReadonlySet<string>,
  evaluated: readonly string[],
): MembershipChange {
  const entered: string[] = [];
  const left: string[] = [];
  for (const segmentId of new Set(evaluated)) {
    const isMember = current.has(segmentId);
    const matches = matching.has(segmentId);
    if (matches && !isMember) entered.push(segmentId);
    if (!matches && isMember) left.push(segmentId);
  }
  return { entered, left };
}
