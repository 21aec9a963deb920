#!/usr/bin/env node
// Prints an operation's request and 200/202 response schemas from the official Voucherify
// OpenAPI spec with $refs inlined (to a depth), so a route can be written field for field.
// Usage: node scripts/show-spec-schema.mjs get /v1/customers/{customerId} [depth] [--full]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const useFull = args.includes('--full');
const [method, path, depthArg] = args.filter((a) => a !== '--full');
const specFile = useFull ? 'OpenAPI-full-2025-02-26.json' : 'readOnly-openAPI.json';
const spec = JSON.parse(
  readFileSync(
    fileURLToPath(new URL(`../../shared/reference/voucherify-openapi/${specFile}`, import.meta.url)),
    'utf8',
  ),
);
const maxDepth = Number(depthArg ?? 6);

function resolve(node, depth, seen) {
  if (Array.isArray(node)) return node.map((n) => resolve(n, depth, seen));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    const name = node.$ref.split('/').pop();
    if (depth <= 0 || seen.has(name)) return { $ref: name };
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    return { $name: name, ...resolve(target, depth - 1, new Set([...seen, name])) };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples' || k === 'example' || k === 'description') continue;
    out[k] = resolve(v, depth, seen);
  }
  return out;
}

const op = spec.paths[path]?.[method.toLowerCase()];
if (!op) {
  console.error(`no ${method} ${path} in ${specFile}`);
  process.exit(1);
}
const body = op.requestBody?.content?.['application/json']?.schema;
console.log(
  JSON.stringify(
    {
      operationId: op.operationId,
      request: body && resolve(body, maxDepth, new Set()),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([code, r]) => [
          code,
          resolve(r.content?.['application/json']?.schema ?? r.$ref ?? null, maxDepth, new Set()),
        ]),
      ),
    },
    null,
    1,
  ),
);
