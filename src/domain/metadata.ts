/** Free-form key/value pairs a shop attaches to any object; validated against schemas later on. */
export type Metadata = Record<string, unknown>;

/** Sets every given key; a key given as null is removed, as bulk metadata updates do. */
export function mergeMetadata(current: Metadata, changes: Metadata): Metadata {
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
