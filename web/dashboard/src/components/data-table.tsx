import type { ReactNode } from 'react';
import { ScrollingTable } from './scrolling-table';

export interface TableColumn<Row> {
  header: string;
  /** Right-aligns the header and cells, for amounts and counts. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  /** Read by screen readers only: what the table lists. */
  caption: ReactNode;
  /** The first column heads each row. */
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowHeaderClassName?: string;
}

/** A table of rows in a horizontally scrolling frame (phones), its first column heading each row. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowHeaderClassName }: DataTableProps<Row>) {
  const [first, ...rest] = columns;
  if (!first) return null;
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.numeric ? 'number' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row" className={rowHeaderClassName}>
              {first.cell(row)}
            </th>
            {rest.map((column) => (
              <td key={column.header} className={column.numeric ? 'number' : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
