const badges: Record<string, { label: string; tone: 'good' | 'bad' | 'muted' }> = {
  ACTIVE: { label: 'Active', tone: 'good' },
  INACTIVE: { label: 'Inactive', tone: 'muted' },
  SUCCESS: { label: 'Success', tone: 'good' },
  FAILURE: { label: 'Failure', tone: 'bad' },
  SUCCEEDED: { label: 'Succeeded', tone: 'good' },
  FAILED: { label: 'Failed', tone: 'bad' },
  ROLLED_BACK: { label: 'Rolled back', tone: 'muted' },
  IN_PROGRESS: { label: 'In progress', tone: 'muted' },
  DONE: { label: 'Done', tone: 'good' },
};

/** A status in words, with a colour that repeats, never replaces, the word. */
export function StatusBadge({ value }: { value: string }) {
  const badge = badges[value] ?? { label: value, tone: 'muted' };
  return <span className={`badge badge-${badge.tone}`}>{badge.label}</span>;
}

export function toActiveStatus(active: boolean): string {
  return active ? 'ACTIVE' : 'INACTIVE';
}
