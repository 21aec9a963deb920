#!/usr/bin/env node
// Lists the field paths (with types, nullability and required marks) of an operation's request
// body or success response in the official Voucherify spec, merging allOf/anyOf/oneOf branches.
// Usage: node scripts/spec-fields.mjs get /v1/customers/{customerId} [request|response] [--full]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const useFull = args.includes('--full');
const [method, path, part = 'response'] = args.filter((a) => a !== '--full');
const specFile = useFull ? 'OpenAPI-full-2025-02-26.json' : 'readOnly-openAPI.json';
const spec = JSON.parse(
  readFileSync(
    fileURLToPath(new URL(`../../shared/reference/voucherify-openapi/${specFile}`, import.meta.url)),
    'utf8',
  ),
);
const deref = (node) =>
  node?.$ref
    ? node.$ref
        .slice(2)
        .split('/')
        .reduce((o, k) => o[k.replace(/~1/g, '/')], spec)
    : node;

const lines = new Map();
function walk(node, prefix, required, seen) {
  node = deref(node);
  if (!node || typeof node !== 'object') return;
  for (const branch of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    const ref = branch.$ref;
    if (ref && seen.has(ref)) continue;
    walk(branch, prefix, required, ref ? new Set([...seen, ref]) : seen);
  }
  const req = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const c = deref(child);
    const p = prefix ? `${prefix}.${key}` : key;
    const type = c.type ?? (c.allOf || c.anyOf || c.oneOf ? 'composite' : '?');
    const enumText = c.enum ? ` enum=${c.enum.join('|')}` : '';
    const prev = lines.get(p) ?? '';
    lines.set(
      p,
      `${prev ? `${prev} / ` : ''}${type}${c.nullable ? '|null' : ''}${req.has(key) ? ' REQUIRED' : ''}${enumText}`,
    );
    if (prefix.split('.').length < 6 && !(child.$ref && seen.has(child.$ref))) {
      walk(
        c.type === 'array' ? c.items : c,
        c.type === 'array' ? `${p}[]` : p,
        req,
        child.$ref ? new Set([...seen, child.$ref]) : seen,
      );
    }
  }
}
const op = spec.paths[path]?.[method.toLowerCase()];
if (!op) throw new Error(`no ${method} ${path} in ${specFile}`);
const ok = Object.keys(op.responses).find((c) => c.startsWith('2'));
const schema =
  part === 'request'
    ? op.requestBody?.content?.['application/json']?.schema
    : deref(op.responses[ok])?.content?.['application/json']?.schema;
walk(schema, '', new Set(), new Set());
console.log(`${op.operationId} ${part}${part === 'response' ? ` ${ok}` : ''}`);
for (const [p, t] of lines) console.log(`  ${p}: ${t}`);
