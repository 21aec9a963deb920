// The load generator, run as a process of its own so it never competes with the server for the
// server's event loop. It takes one JSON argument (see LoadSpec in http-bench.ts) and prints the
// figures as JSON. `{n}` in the path or body is replaced per request by a running number.
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]);
let counter = 0;
const next = () => {
  const n =
    ((spec.sequence?.start ?? 0) + counter++ * (spec.sequence?.step ?? 1)) %
    (spec.sequence?.modulo ?? Number.MAX_SAFE_INTEGER);
  return String(n);
};
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  headers: { 'content-type': 'application/json', ...spec.headers },
  requests: [
    {
      method: spec.method ?? 'GET',
      setupRequest: (req) => {
        const n = next();
        return {
          ...req,
          path: spec.path.replaceAll('{n}', n),
          ...(spec.body !== undefined ? { body: spec.body.replaceAll('{n}', n) } : {}),
        };
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }),
);
