import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  CustomerOrderSummary,
  OrderListFilters,
  OrderRepository,
} from '../../app/repositories/order-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Order, OrderItem } from '../../domain/orders/order.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { customersMatchingSearch } from '../filters/customer-search.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, OrdersTable } from '../tables.js';

function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    source_id: row.source_id,
    status: row.status,
    amount: row.amount,
    initial_amount: row.initial_amount,
    discount_amount: row.discount_amount,
    items_discount_amount: row.items_discount_amount,
    total_discount_amount: row.total_discount_amount,
    total_amount: row.total_amount,
    items: fromJson<OrderItem[]>(row.items, []),
    metadata: fromJson(row.metadata, {}),
    customer_id: row.customer_id,
    referrer_id: row.referrer_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow(order: Order, projectId: string): OrdersTable {
  return { ...order, project_id: projectId, items: toJson(order.items), metadata: toJson(order.metadata) };
}

/** Orders count toward a customer's summary once money changed hands. */
const SPENT_STATUSES = ['PAID', 'FULFILLED'] as const;

/** Every redemption stores its order; an order already stored under its source_id is left to the caller. */
const insertNew = new PreparedQuery((db, row: OrdersTable) =>
  db
    .insertInto('orders')
    .values(row)
    .onConflict((oc) => oc.columns(['project_id', 'source_id']).doNothing()),
);

export class KyselyOrderRepository implements OrderRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('orders').selectAll().where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<Order | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toOrder(row);
  }

  async findBySourceId(sourceId: string): Promise<Order | undefined> {
    const row = await this.scoped().where('source_id', '=', sourceId).executeTakeFirst();
    return row && toOrder(row);
  }

  async insert(order: Order): Promise<boolean> {
    return (await insertNew.affected(this.db, toRow(order, this.projectId))) > 0;
  }

  async update(order: Order): Promise<void> {
    const { id, project_id, created_at, ...changes } = toRow(order, this.projectId);
    await this.db
      .updateTable('orders')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .execute();
  }

  async list(query: ListQuery, filters: OrderListFilters = {}): Promise<ListPage<Order>> {
    let base = this.scoped();
    const search = filters.search;
    if (search !== undefined) {
      const customers = customersMatchingSearch(this.db, this.projectId, this.capabilities, search);
      const ownColumns = [sql.ref<string | null>('orders.source_id'), sql.ref<string>('orders.id')];
      base = base.where((eb) =>
        eb.or([matchesTextSearch(this.capabilities, ownColumns, search), eb('orders.customer_id', 'in', customers)]),
      );
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', amount: 'amount', status: 'status' },
    });
    return { ...page, items: page.items.map(toOrder) };
  }

  async summarizeForCustomers(customerIds: readonly string[]): Promise<CustomerOrderSummary[]> {
    if (customerIds.length === 0) return [];
    const spent = this.scoped()
      .where('customer_id', 'in', [...customerIds])
      .where('status', 'in', [...SPENT_STATUSES]);
    const totals = await spent
      .clearSelect()
      .select((eb) => [
        'customer_id',
        eb.fn.sum<number>('total_amount').as('total_amount'),
        eb.fn.countAll<number>().as('total_count'),
        eb.fn.max<string>('created_at').as('last_order_date'),
      ])
      .groupBy('customer_id')
      .execute();
    const summaries: CustomerOrderSummary[] = [];
    for (const row of totals) {
      if (row.customer_id === null) continue;
      const last = await spent
        .where('customer_id', '=', row.customer_id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      summaries.push({
        customer_id: row.customer_id,
        total_amount: Number(row.total_amount),
        total_count: Number(row.total_count),
        last_order_amount: last ? last.total_amount : null,
        last_order_date: row.last_order_date,
      });
    }
    return summaries;
  }

  async deleteForCustomer(customerId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('orders')
      .where('project_id', '=', this.projectId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
