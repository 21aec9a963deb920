import fc from 'fast-check';
import { hostileText } from './hostile-json.js';
import type { KnownValues } from './schema-arbitraries.js';

/** A request body with the content type it is sent with. */
export interface RequestBody {
  contentType?: string;
  payload?: string | Buffer;
}

const CSV_COLUMNS = [
  'Code',
  'code',
  'Category',
  'Discount Type',
  'Value',
  'Unit Type',
  'Start Date',
  'Expiration Date',
  'Redemption Limit',
  'Redeemed Quantity',
  'Active',
  'Additional Info',
  'source_id',
  'name',
  'email',
  'phone',
  'birthdate',
  'description',
  'price',
  'image_url',
  'attributes',
  'product_id',
  'sku',
  'metadata',
  'color',
];

function csvCell(known: KnownValues): fc.Arbitrary<string> {
  const names = [...new Set(Object.values(known).flat())];
  return fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('AMOUNT', 'PERCENT', 'UNIT', 'true', 'false', '1000', '-5', '2024-01-01', '{"color":"blue"}', ''),
    hostileText.map((text) => text.slice(0, 200)),
    names.length > 0 ? fc.constantFrom(...names) : fc.constant(''),
  );
}

function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvText(known: KnownValues): fc.Arbitrary<string> {
  const header = fc.uniqueArray(fc.oneof(fc.constantFrom(...CSV_COLUMNS), fc.string({ maxLength: 8 })), {
    minLength: 1,
    maxLength: 5,
  });
  return fc
    .tuple(header, fc.array(fc.array(csvCell(known), { minLength: 1, maxLength: 6 }), { maxLength: 4 }), fc.boolean())
    .map(([columns, rows, quoted]) =>
      [columns, ...rows].map((row) => row.map((cell) => (quoted ? csvField(cell) : cell)).join(',')).join('\n'),
    );
}

function multipart(
  parts: { name: string; filename?: string; content: string }[],
  boundary = 'fuzzboundary',
): RequestBody {
  const body = parts
    .map((part) => {
      const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
      const type = part.filename ? '\r\nContent-Type: text/csv' : '';
      return `--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n${part.content}\r\n`;
    })
    .join('');
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: `${body}--${boundary}--\r\n` };
}

/** CSV uploads: well-formed ones with generated rows, and broken multipart around them. */
export function multipartArbitrary(known: KnownValues): fc.Arbitrary<RequestBody> {
  const csv = csvText(known);
  return fc.oneof(
    { weight: 4, arbitrary: csv.map((content) => multipart([{ name: 'file', filename: 'import.csv', content }])) },
    { weight: 1, arbitrary: csv.map((content) => multipart([{ name: 'other', filename: 'x.csv', content }])) },
    { weight: 1, arbitrary: csv.map((content) => multipart([{ name: 'file', content }])) },
    {
      weight: 1,
      arbitrary: csv.map((content) =>
        multipart([
          { name: 'file', filename: 'a.csv', content },
          { name: 'file', filename: 'b.csv', content },
        ]),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(csv, fc.nat()).map(([content, at]) => {
        const whole = multipart([{ name: 'file', filename: 'cut.csv', content }]);
        const text = String(whole.payload);
        return { ...whole, payload: text.slice(0, at % text.length) };
      }),
    },
    { weight: 1, arbitrary: csv.map((payload): RequestBody => ({ contentType: 'multipart/form-data', payload })) },
    { weight: 1, arbitrary: csv.map((payload): RequestBody => ({ contentType: 'text/csv', payload })) },
    { weight: 1, arbitrary: fc.constant<RequestBody>({}) },
  );
}
