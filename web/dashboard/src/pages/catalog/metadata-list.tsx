import { DetailsList } from '../../components/details-list';

/** A value as text: metadata and attributes hold any JSON. */
export function formatJsonValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Metadata (or attributes) as a term / value list; says so when there is none. */
export function MetadataList({ values, empty }: { values: Record<string, unknown> | null | undefined; empty: string }) {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return <p className="catalog-empty">{empty}</p>;
  return <DetailsList items={entries.map(([term, value]) => ({ term, value: formatJsonValue(value) }))} />;
}
