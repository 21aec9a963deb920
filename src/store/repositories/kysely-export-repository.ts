import type { Kysely, Selectable } from 'kysely';
import type {
  ExportRecord,
  ExportRepository,
  TransactionExport,
  VoucherExport,
} from '../../app/repositories/export-repository.js';
import type { VoucherExportParameters } from '../../domain/exports/voucher-export-parameters.js';
import type { TransactionExportParameters } from '../../domain/gift-cards/transaction-export.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database } from '../tables.js';
import type { ExportsTable } from '../tables-distribution.js';

/** A voucher export names no one subject (its campaigns are in its parameters): the column holds ''. */
const NO_SUBJECT = '';

function toRecord(row: Selectable<ExportsTable>): ExportRecord | undefined {
  const base = { id: row.id, token: row.token, channel: row.channel, created_at: row.created_at };
  if (row.exported_object === 'voucher_transactions') {
    const record: TransactionExport = {
      ...base,
      exported_object: 'voucher_transactions',
      voucher_id: row.subject_id,
      parameters: fromJson<TransactionExportParameters>(row.parameters, { order: '-created_at', fields: [] }),
    };
    return record;
  }
  if (row.exported_object === 'voucher') {
    const record: VoucherExport = {
      ...base,
      exported_object: 'voucher',
      parameters: fromJson<VoucherExportParameters>(row.parameters, {
        order: '-created_at',
        fields: [],
        filters: { junction: 'and' },
        campaign_id: null,
        campaign_ids: null,
      }),
    };
    return record;
  }
  return undefined;
}

export class KyselyExportRepository implements ExportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('exported_object', 'in', ['voucher', 'voucher_transactions']);
  }

  async insert(record: ExportRecord): Promise<void> {
    await this.db
      .insertInto('exports')
      .values({
        id: record.id,
        project_id: this.projectId,
        exported_object: record.exported_object,
        subject_id: record.exported_object === 'voucher_transactions' ? record.voucher_id : NO_SUBJECT,
        parameters: toJson(record.parameters),
        token: record.token,
        channel: record.channel,
        created_at: record.created_at,
      })
      .execute();
  }

  async findById(id: string): Promise<ExportRecord | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(query: ListQuery): Promise<ListPage<ExportRecord>> {
    const page = await fetchPage(this.scoped(), query, {
      sortColumns: { created_at: 'created_at' },
      updatedAtColumn: null,
    });
    return { ...page, items: page.items.flatMap((row) => toRecord(row) ?? []) };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('exports')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
