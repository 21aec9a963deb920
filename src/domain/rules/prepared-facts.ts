import { localDayOf } from './rule-dates.js';
import type { ItemRef } from './rule-definition.js';
import type { RuleFacts, RuleOrderItem } from './rule-facts.js';

/** Where a compiled rule is evaluated: the whole order at the top, one matched line when nested. */
export interface RuleContext {
  facts: PreparedRuleFacts;
  /** The lines the rule reads: all of them at the top, those an item reference matched when nested. */
  group: readonly number[];
  /** The line being checked under an item rule; -1 at the top, where line rules ask "some line". */
  line: number;
}

type LineIndex = Map<string, number[]>;

function addTo(index: LineIndex, key: string | null | undefined, line: number): void {
  if (key === null || key === undefined || key === '') return;
  const lines = index.get(key);
  if (lines) lines.push(line);
  else index.set(key, [line]);
}

const NONE: readonly number[] = [];

/** Two ascending line lists as one, each line once. */
function mergeLines(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function linesById(ref: ItemRef, byId: LineIndex, bySource: LineIndex): readonly number[] {
  const withId = ref.id === null ? NONE : (byId.get(ref.id) ?? NONE);
  return ref.source_id === null ? withId : mergeLines(withId, bySource.get(ref.source_id) ?? NONE);
}

/**
 * The positions of a cart's lines, by its items array: facts prepared many times over one cart
 * (spend-more probes raise only the amount) share one list. Lists are read, never changed.
 */
const linePositions = new WeakMap<readonly RuleOrderItem[], readonly number[]>();

function positionsOf(items: readonly RuleOrderItem[]): readonly number[] {
  let lines = linePositions.get(items);
  if (!lines) {
    lines = items.map((_, index) => index);
    linePositions.set(items, lines);
  }
  return lines;
}

/**
 * The facts of one evaluation with what many rules ask of them computed once, on first use:
 * lines by product, SKU, source id and collection, unit prices, the cheapest and most expensive
 * line, today's date. Evaluating a thousand definitions against one cart shares one of these, so
 * no rule scans the cart to find its lines.
 */
export class PreparedRuleFacts {
  readonly items: readonly RuleOrderItem[];
  readonly allLines: readonly number[];
  /** The context top-level rules run in, made once. */
  readonly topContext: RuleContext;
  private indexes: { product: LineIndex; productSource: LineIndex; sku: LineIndex; skuSource: LineIndex } | null = null;
  private collections: LineIndex | null = null;
  private prices: readonly (number | null)[] | null = null;
  private extremes: { cheapest: number; mostExpensive: number } | null = null;
  private todayNumber: number | null | undefined;

  /** `raw`: the facts as the caller gave them. */
  constructor(readonly raw: RuleFacts) {
    this.items = raw.order?.items ?? [];
    this.allLines = positionsOf(this.items);
    this.topContext = { facts: this, group: this.allLines, line: -1 };
  }

  /** Today on the project's wall clock, as a day number (see rule-dates.ts). */
  get today(): number | null {
    if (this.todayNumber === undefined) this.todayNumber = localDayOf(this.raw.now, this.raw.timezone);
    return this.todayNumber;
  }

  /** The lines an item reference matches, ascending: by id or source id, or by collection membership. */
  linesOf(ref: ItemRef): readonly number[] {
    if (ref.object === 'products_collection') return this.collectionLines().get(ref.id ?? '') ?? NONE;
    const index = this.lineIndexes();
    if (ref.object === 'product') return linesById(ref, index.product, index.productSource);
    if (ref.object === 'sku') return linesById(ref, index.sku, index.skuSource);
    return mergeLines(linesById(ref, index.product, index.productSource), linesById(ref, index.sku, index.skuSource));
  }

  /** A line's unit price: its own, else its amount over its quantity. */
  unitPrice(line: number): number | null {
    this.prices ??= this.items.map((item) => {
      if (item.price !== null) return item.price;
      const quantity = item.quantity ?? 1;
      return item.amount !== null && quantity > 0 ? item.amount / quantity : null;
    });
    return this.prices[line] ?? null;
  }

  /** A line without a quantity counts as one unit, as pricing counts it. */
  quantity(line: number): number {
    return this.items[line]?.quantity ?? 1;
  }

  amount(line: number): number | null {
    const item = this.items[line];
    if (!item) return null;
    const price = this.unitPrice(line);
    return item.amount ?? (price === null ? null : price * this.quantity(line));
  }

  /** The line with the lowest unit price (the first of equals), or -1 when no line has a price. */
  cheapestLine(): number {
    return this.extremeLines().cheapest;
  }

  /** The line with the highest unit price (the first of equals), or -1 when no line has a price. */
  mostExpensiveLine(): number {
    return this.extremeLines().mostExpensive;
  }

  private extremeLines(): { cheapest: number; mostExpensive: number } {
    if (this.extremes) return this.extremes;
    let cheapest = -1;
    let mostExpensive = -1;
    for (const line of this.allLines) {
      const price = this.unitPrice(line);
      if (price === null) continue;
      if (cheapest === -1 || price < (this.unitPrice(cheapest) as number)) cheapest = line;
      if (mostExpensive === -1 || price > (this.unitPrice(mostExpensive) as number)) mostExpensive = line;
    }
    this.extremes = { cheapest, mostExpensive };
    return this.extremes;
  }

  /**
   * A line's product source id is its product's, else the line's own unless the line is a SKU;
   * likewise for SKUs. Shops that never imported their catalog match by source id alone.
   */
  private lineIndexes() {
    if (this.indexes) return this.indexes;
    const indexes = { product: new Map(), productSource: new Map(), sku: new Map(), skuSource: new Map() };
    this.items.forEach((item, line) => {
      const isSkuLine = item.related_object === 'sku';
      addTo(indexes.product, item.product_id ?? item.product?.id, line);
      addTo(indexes.productSource, item.product?.source_id ?? (isSkuLine ? null : item.source_id), line);
      addTo(indexes.sku, item.sku_id ?? item.sku?.id, line);
      addTo(indexes.skuSource, item.sku?.source_id ?? (isSkuLine ? item.source_id : null), line);
    });
    this.indexes = indexes;
    return indexes;
  }

  private collectionLines(): LineIndex {
    if (this.collections) return this.collections;
    const collections: LineIndex = new Map();
    const membership = this.raw.collectionIdsOfItem;
    if (membership) for (const line of this.allLines) for (const id of membership(line)) addTo(collections, id, line);
    this.collections = collections;
    return collections;
  }
}

/** Wraps facts for evaluation; prepare once per cart and evaluate every definition against it. */
export function prepareRuleFacts(facts: RuleFacts): PreparedRuleFacts {
  return new PreparedRuleFacts(facts);
}
