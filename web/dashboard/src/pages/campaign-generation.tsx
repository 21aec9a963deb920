import { useEffect, useRef, useState } from 'react';
import { getAsyncAction, getCampaign } from '../api/campaign-api';
import { ProgressBar } from '../components/progress-bar';

/** What the new-campaign form hands to the campaign page so it can show how far generation is. */
export interface GenerationState {
  requested: number;
  asyncActionId: string | null;
  /** What went wrong after the campaign was made (its rule not assigned), for its page to say. */
  warning?: string;
}

export function readGenerationState(state: unknown): GenerationState | null {
  if (typeof state !== 'object' || state === null || !('requested' in state)) return null;
  const { requested, asyncActionId, warning } = state as Partial<GenerationState>;
  if (typeof requested !== 'number') return null;
  return {
    requested,
    asyncActionId: typeof asyncActionId === 'string' ? asyncActionId : null,
    ...(typeof warning === 'string' ? { warning } : {}),
  };
}

/**
 * Takes the new-campaign form's warning out of this page's history entry once shown, so a reload
 * or Back does not say it again.
 */
export function forgetArrivalWarning(): void {
  const state = readGenerationState(window.history.state);
  if (!state?.warning) return;
  const { warning: _shown, ...rest } = state;
  window.history.replaceState(rest, '');
}

const POLL_MS = 700;

interface GenerationProgressProps {
  campaignId: string;
  /** Unknown after a reload: the bar then shows activity without a percent. */
  generation: GenerationState | null;
  onFinished: () => void;
}

/**
 * Polls while the server generates a campaign's codes: the async action when its id is known, else
 * the campaign, whose count of codes grows batch by batch until its generation status leaves IN_PROGRESS.
 */
export function GenerationProgress({ campaignId, generation, onFinished }: GenerationProgressProps) {
  const [percent, setPercent] = useState<number | undefined>(undefined);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  const requested = generation?.requested ?? null;
  const actionId = generation?.asyncActionId ?? null;

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      try {
        if (actionId) {
          const action = await getAsyncAction(actionId);
          if (stopped) return;
          setPercent(action.progress);
          if (action.status === 'DONE' || action.status === 'FAILED') return finishedRef.current();
        } else {
          const campaign = await getCampaign(campaignId);
          if (stopped) return;
          if (requested) setPercent(Math.min(100, (campaign.vouchers_count / requested) * 100));
          if (campaign.vouchers_generation_status !== 'IN_PROGRESS') return finishedRef.current();
        }
      } catch {
        // A failed poll is tried again: generation goes on on the server whatever the page sees.
      }
      if (!stopped) timer = window.setTimeout(poll, POLL_MS);
    };
    timer = window.setTimeout(poll, POLL_MS / 2);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [campaignId, actionId, requested]);

  return <ProgressBar label="Generating codes" percent={percent} />;
}
