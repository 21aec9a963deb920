import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';

export interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Loads again, keeping the shown data until the answer comes. */
  reload: () => void;
}

/**
 * Loads what a page shows. `key` names what is loaded (e.g. `codes:camp_1:2`): a new key loads
 * again, and an answer for an older key is dropped so a slow response never overwrites a newer one.
 * The data shown stays until the new answer comes (paging does not blank the table); pages are
 * remounted when the path changes, so one object's data never shows under another's address.
 */
export function useApiData<T>(key: string, load: () => Promise<T>): ApiData<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // `round` is a dependency on purpose: reload() bumps it to load the same key again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and round are the triggers, load is read from a ref
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    loadRef.current().then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ ...previous, error: toApiError(error), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
