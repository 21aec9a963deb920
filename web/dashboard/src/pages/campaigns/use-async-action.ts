import { useEffect, useRef, useState } from 'react';
import type { AsyncAction } from '../../api/api-types';
import { getAsyncAction } from '../../api/campaign-api';

const POLL_MS = 600;

export interface AsyncActionState {
  /** Undefined until the first answer. */
  progress: number | undefined;
  finished: AsyncAction | null;
}

/**
 * Follows an async action (adding, importing, deleting codes) until it is DONE or FAILED; a new id
 * starts over, null stops. `onFinished` runs once per action.
 */
export function useAsyncAction(actionId: string | null, onFinished: (action: AsyncAction) => void): AsyncActionState {
  const [state, setState] = useState<AsyncActionState>({ progress: undefined, finished: null });
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  useEffect(() => {
    setState({ progress: undefined, finished: null });
    if (!actionId) return;
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const action = await getAsyncAction(actionId);
        if (stopped) return;
        if (action.status === 'DONE' || action.status === 'FAILED') {
          setState({ progress: 100, finished: action });
          return finishedRef.current(action);
        }
        setState({ progress: action.progress, finished: null });
      } catch {
        // Polled again: the action goes on on the server whatever one answer said.
      }
      if (!stopped) timer = window.setTimeout(poll, POLL_MS);
    };
    timer = window.setTimeout(poll, POLL_MS / 2);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [actionId]);

  return state;
}
