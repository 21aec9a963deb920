import type { Loose } from './loose.js';

export interface ApiAnswer {
  status: number;
  body: Loose;
}

export interface ServerKey {
  appId: string;
  secret: string;
}

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<ApiAnswer>;

/**
 * Plain HTTP calls with a server-side key, for tests that must see every status as it is (the SDK
 * turns a 503 into the same rejection as a 400). A call that hangs fails after `timeoutMs`.
 */
export function rawApi(baseUrl: string, key: ServerKey, timeoutMs = 30_000): ApiCall {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'x-app-id': key.appId,
        'x-app-token': key.secret,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Loose };
  };
}
