/** Requests each client may send per window; 0 turns a limit off. */
export interface RequestLimits {
  perKey: number;
  perAddress: number;
  windowSeconds: number;
}

/** Unknown codes client-side validation and redemption accept per hour; 0 turns a limit off. */
export interface GuessLimits {
  perAddress: number;
  perClientKey: number;
}

export interface TrafficLimits {
  requests: RequestLimits;
  guesses: GuessLimits;
}
