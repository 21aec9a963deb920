import { ApiError, type ApiErrorBody } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  /** Sent as JSON; a FormData is sent as multipart, the browser setting its boundary. */
  body?: unknown;
  /** The project a dashboard call is about, when it is not the one chosen in the header. */
  projectId?: string;
  /**
   * Whether a 401 answer means the session ended, so the app shows the sign-in page (the default).
   * Only signing in itself says no: its 401 is a wrong password, shown on the form.
   */
  canEndSession?: boolean;
}

// One project is active per tab: the app sets it when the user picks one and every page remounts then.
// Pages read it here, never from storage: storage is shared by every tab and remembers another tab's pick.
let currentProjectId: string | null = null;
let onSignedOut: () => void = () => {};

export function setCurrentProject(projectId: string | null): void {
  currentProjectId = projectId;
}

/** The project this tab's header shows; null while signed out or without a project. */
export function getCurrentProjectId(): string | null {
  return currentProjectId;
}

/** Lets the app show the sign-in page when a session ends while a page is open. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

async function readErrorBody(response: Response): Promise<Partial<ApiErrorBody>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Partial<ApiErrorBody>) : {};
  } catch {
    return {};
  }
}

/** Sends a request with the dashboard's headers; a non-2xx answer is thrown as an ApiError. */
async function fetchOk(
  path: string,
  options: RequestOptions,
  extraHeaders: Record<string, string>,
  accept: string,
): Promise<Response> {
  // The server refuses dashboard requests without this header: a cross-site form cannot set it.
  const headers: Record<string, string> = { 'x-vouch-dashboard': '1', accept, ...extraHeaders };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body:
      options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
  });
  if (!response.ok) throw new ApiError(response.status, await readErrorBody(response));
  return response;
}

async function sendRequest<T>(path: string, options: RequestOptions, extraHeaders: Record<string, string>): Promise<T> {
  const response = await fetchOk(path, options, extraHeaders, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Runs a call; a 401 means the session ended (expired, or signed out in another tab) and is rethrown. */
async function endSessionOn401<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onSignedOut();
    throw error;
  }
}

function projectHeaders(projectId: string | null): Record<string, string> {
  return projectId ? { 'x-vouch-project': projectId } : {};
}

/**
 * A call to the dashboard's own API (`/dashboard/api/...`): session handling, and the routes that
 * work in a project (insights), which name it in `x-vouch-project` as `/v1` calls do.
 */
export function requestDashboard<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers = projectHeaders(options.projectId ?? currentProjectId);
  const call = () => sendRequest<T>(`/dashboard/api${path}`, options, headers);
  return options.canEndSession === false ? call() : endSessionOn401(call);
}

/** A call to the Voucherify-compatible API (`/v1/...`) of the chosen project. */
export function requestProject<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers = projectHeaders(currentProjectId);
  return endSessionOn401(() => sendRequest<T>(`/v1${path}`, options, headers));
}

/**
 * A file from the `/v1` API (an export's CSV) as a Blob, for the page to save through an object
 * URL: a plain link cannot send the `x-vouch-dashboard` and `x-vouch-project` headers the server
 * asks of every dashboard call. Errors are the server's JSON errors, as for requestProject.
 */
export function requestProjectFile(path: string, accept: string): Promise<Blob> {
  const headers = projectHeaders(currentProjectId);
  return endSessionOn401(async () => {
    const response = await fetchOk(`/v1${path}`, {}, headers, `${accept}, application/json;q=0.5`);
    return response.blob();
  });
}

/** A query string from the set values, e.g. `?limit=20&page=2`. */
export function buildQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
