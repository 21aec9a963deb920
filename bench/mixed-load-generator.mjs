// The mixed-load generator, a process of its own like load-generator.mjs. Each connection sends, in
// turn, what a checkout sends: 70% validations of a random code, 25% redemptions of a code never
// used before, 5% rollbacks of a redemption that succeeded earlier in the run. The load runs in
// consecutive windows (minute one, minute two, ...) so a leak or a growing scan shows as a trend.
// With several URLs (several server processes) the connections are split evenly between them.
//
// Argument: JSON { urls, headers, cart, codePrefix, codeCount, connections, windowSeconds, windows }.
// Prints JSON: one entry per window.
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]);
const MIX = [...Array(14).fill('validate'), ...Array(5).fill('redeem'), 'rollback'];
let sent = 0;
let nextUnusedCode = 0;
let randomState = 7919;
const redeemedIds = [];

/** A small deterministic generator: the same run draws the same codes. */
function nextRandom(modulo) {
  randomState = (randomState * 1103515245 + 12345) % 2147483648;
  return randomState % modulo;
}

function nextRequest(context) {
  let kind = MIX[sent++ % MIX.length];
  if (kind === 'rollback' && redeemedIds.length === 0) kind = 'validate';
  if (kind === 'redeem' && nextUnusedCode >= spec.codeCount) kind = 'validate';
  context.kind = kind;
  if (kind === 'validate') {
    return {
      method: 'POST',
      path: `/v1/vouchers/${spec.codePrefix}${nextRandom(spec.codeCount)}/validate`,
      body: spec.cart,
    };
  }
  if (kind === 'redeem') {
    return { method: 'POST', path: `/v1/vouchers/${spec.codePrefix}${nextUnusedCode++}/redemption`, body: spec.cart };
  }
  const id = redeemedIds.splice(nextRandom(redeemedIds.length), 1)[0];
  return { method: 'POST', path: `/v1/redemptions/${id}/rollback`, body: '{}' };
}

function runWindow(url, connections, counts) {
  return autocannon({
    url,
    connections,
    duration: spec.windowSeconds,
    headers: { 'content-type': 'application/json', ...spec.headers },
    requests: [
      {
        setupRequest: (request, context) => ({ ...request, ...nextRequest(context) }),
        onResponse: (status, body, context) => {
          const key = `${context.kind} ${status}`;
          counts[key] = (counts[key] ?? 0) + 1;
          if (context.kind === 'redeem' && status === 200) redeemedIds.push(JSON.parse(body).id);
        },
      },
    ],
  });
}

const windows = [];
for (let window = 0; window < spec.windows; window++) {
  const counts = {};
  const perUrl = Math.max(1, Math.floor(spec.connections / spec.urls.length));
  const results = await Promise.all(spec.urls.map((url) => runWindow(url, perUrl, counts)));
  // Several instances cannot merge their histograms: throughput adds up, and the latency reported
  // is the worst instance's, which overstates rather than hides a slow process.
  const worst = (pick) => Math.max(...results.map((r) => pick(r.latency)));
  windows.push({
    requestsPerSecond: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50Ms: worst((l) => l.p50),
    p99Ms: worst((l) => l.p99),
    p999Ms: worst((l) => l.p99_9),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    counts,
  });
}
process.stdout.write(JSON.stringify(windows));
