import autocannon, { type Request } from 'autocannon';

export interface BenchFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface BenchRequest {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  /** A body per request, so each request can differ (a new source_id, another code). */
  body?: () => string;
}

/** Runs autocannon against one route and reduces its report to the figures we compare. */
export async function measure(
  name: string,
  url: string,
  request: BenchRequest,
  seconds: number,
  connections = 50,
  /** A path per request, so requests can go to different codes. */
  nextPath?: () => string,
): Promise<BenchFigures> {
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method ?? 'GET',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...request.headers },
    ...(request.body
      ? {
          requests: [
            {
              method: request.method ?? 'POST',
              setupRequest: (req: Request) => ({
                ...req,
                body: request.body?.(),
                ...(nextPath ? { path: nextPath() } : {}),
              }),
            },
          ],
        }
      : {}),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printFigures(title: string, rows: BenchFigures[], ceiling?: BenchFigures): void {
  console.log(`\n${title}`);
  console.log('  scenario                          req/s    p50 ms   p99 ms   of ceiling   errors/non-2xx');
  for (const row of rows) {
    const ratio = ceiling ? `${Math.round((row.requestsPerSecond / ceiling.requestsPerSecond) * 100)}%` : '';
    console.log(
      `  ${row.name.padEnd(32)} ${String(row.requestsPerSecond).padStart(6)} ${String(row.p50Ms).padStart(9)} ${String(row.p99Ms).padStart(8)} ${ratio.padStart(12)}   ${row.errors}/${row.non2xx}`,
    );
  }
}
