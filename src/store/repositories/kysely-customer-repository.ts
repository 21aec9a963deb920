import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  CustomerListFilters,
  CustomerRedemptionSummary,
  CustomerRepository,
} from '../../app/repositories/customer-repository.js';
import type { Address, Customer } from '../../domain/customers/customer.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { CustomersTable, Database } from '../tables.js';

function toCustomer(row: Selectable<CustomersTable>): Customer {
  return {
    id: row.id,
    source_id: row.source_id,
    name: row.name,
    description: row.description,
    email: row.email,
    phone: row.phone,
    birthdate: row.birthdate,
    birthday: row.birthday,
    address: fromJson<Address | null>(row.address, null),
    metadata: fromJson(row.metadata, {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow(customer: Customer, projectId: string): CustomersTable {
  return {
    id: customer.id,
    project_id: projectId,
    source_id: customer.source_id,
    name: customer.name,
    description: customer.description,
    email: customer.email,
    phone: customer.phone,
    birthdate: customer.birthdate,
    birthday: customer.birthday,
    address: customer.address === null ? null : toJson(customer.address),
    metadata: toJson(customer.metadata),
    created_at: customer.created_at,
    updated_at: customer.updated_at,
  };
}

/** A checkout names its customer by source_id: every validation and redemption reads it. */
const bySourceId = new PreparedQuery((db, projectId: string, sourceId: string) =>
  db.selectFrom('customers').selectAll().where('project_id', '=', projectId).where('source_id', '=', sourceId),
);

export class KyselyCustomerRepository implements CustomerRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('customers').selectAll().where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<Customer | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toCustomer(row);
  }

  async findForUpdate(id: string): Promise<Customer | undefined> {
    let query = this.scoped().where('id', '=', id);
    if (this.capabilities.supportsRowLocks) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row && toCustomer(row);
  }

  async findBySourceId(sourceId: string): Promise<Customer | undefined> {
    const row = await bySourceId.first(this.db, this.projectId, sourceId);
    return row && toCustomer(row);
  }

  async findByRef(ref: string): Promise<Customer | undefined> {
    // An id match wins over a source_id match: a customer's source_id may look like another's id.
    const rows = await this.scoped()
      .where((eb) => eb.or([eb('id', '=', ref), eb('source_id', '=', ref)]))
      .limit(2)
      .execute();
    const row = rows.find((r) => r.id === ref) ?? rows[0];
    return row && toCustomer(row);
  }

  async findManyByIds(ids: readonly string[]): Promise<Customer[]> {
    if (ids.length === 0) return [];
    const rows = await this.scoped()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toCustomer);
  }

  async insert(customer: Customer): Promise<boolean> {
    const result = await this.db
      .insertInto('customers')
      .values(toRow(customer, this.projectId))
      .onConflict((oc) => oc.columns(['project_id', 'source_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(customer: Customer): Promise<void> {
    const { id, project_id, created_at, ...changes } = toRow(customer, this.projectId);
    await this.db
      .updateTable('customers')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('customers')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery, filters: CustomerListFilters): Promise<ListPage<Customer>> {
    let base = this.scoped();
    if (filters.email !== undefined) base = base.where('email', '=', filters.email);
    if (filters.name !== undefined) base = base.where('name', '=', filters.name);
    if (filters.city !== undefined)
      base = base.where(this.capabilities.jsonText(sql.ref('address'), 'city'), '=', filters.city);
    if (filters.search !== undefined) {
      const columns = [
        sql.ref<string | null>('name'),
        sql.ref<string | null>('email'),
        sql.ref<string | null>('source_id'),
        sql.ref<string>('id'),
      ];
      base = base.where(matchesTextSearch(this.capabilities, columns, filters.search));
    }
    if (filters.starting_after !== undefined) {
      base = base.where('created_at', query.order.direction === 'asc' ? '>' : '<', filters.starting_after);
    }
    const page = await fetchPage(base, query, {
      sortColumns: {
        created_at: 'created_at',
        updated_at: 'updated_at',
        name: 'name',
        email: 'email',
        source_id: 'source_id',
      },
    });
    return { ...page, items: page.items.map(toCustomer) };
  }

  async summarizeRedemptions(customerIds: readonly string[]): Promise<CustomerRedemptionSummary[]> {
    if (customerIds.length === 0) return [];
    const count = (condition: string) => sql<number | string>`sum(case when ${sql.raw(condition)} then 1 else 0 end)`;
    const rows = await this.db
      .selectFrom('redemptions')
      .where('project_id', '=', this.projectId)
      .where('customer_id', 'in', [...customerIds])
      // A stacked redemption's parent only groups its redeemables, which are counted themselves.
      .where('related_object_type', '!=', 'redemption')
      .select([
        'customer_id',
        count(`object = 'redemption' and result = 'SUCCESS'`).as('succeeded'),
        count(`object = 'redemption' and result = 'FAILURE'`).as('failed'),
        count(`object = 'redemption' and status = 'ROLLED_BACK'`).as('rolled_back'),
        count(`object = 'redemption_rollback' and result = 'SUCCESS'`).as('rollback_succeeded'),
        count(`object = 'redemption_rollback' and result = 'FAILURE'`).as('rollback_failed'),
      ])
      .groupBy('customer_id')
      .execute();
    return rows.flatMap((row) => {
      if (row.customer_id === null) return [];
      // PostgreSQL's sum over integers is a bigint, which pg hands over as text.
      const succeeded = Number(row.succeeded);
      const failed = Number(row.failed);
      return [
        {
          customer_id: row.customer_id,
          total_redeemed: succeeded + failed,
          total_failed: failed,
          total_succeeded: succeeded,
          total_rolled_back: Number(row.rolled_back),
          total_rollback_failed: Number(row.rollback_failed),
          total_rollback_succeeded: Number(row.rollback_succeeded),
        },
      ];
    });
  }
}
