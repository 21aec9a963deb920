import type { CartLine, RuleCheckRequest } from '../../api/rules-api';
import { parseMoney } from '../../lib/format';

export interface CartLineDraft {
  uid: number;
  sourceId: string;
  quantity: string;
  price: string;
}

export interface CartDraft {
  amount: string;
  lines: CartLineDraft[];
  customerId: string;
  customerMetadata: string;
}

let nextUid = 1;

function readMetadata(text: string, problems: string[]): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Told below, as for any other value that is not an object.
  }
  problems.push('Customer metadata must be a JSON object, e.g. {"tier": "vip"}.');
  return undefined;
}

function readLine(line: CartLineDraft, position: number, problems: string[]): CartLine | null {
  const quantity = Number(line.quantity);
  const price = parseMoney(line.price);
  if (line.sourceId.trim() === '') problems.push(`Line ${position}: enter the product source id.`);
  if (!Number.isSafeInteger(quantity) || quantity < 1) problems.push(`Line ${position}: quantity must be 1 or more.`);
  if (price === null) problems.push(`Line ${position}: price must be an amount like 12.50.`);
  if (price === null || line.sourceId.trim() === '') return null;
  return { source_id: line.sourceId.trim(), related_object: 'product', quantity, price };
}

/** The request the cart stands for, or what to fix. A blank amount lets the server add up the lines. */
export function readCart(cart: CartDraft): { ok: true; request: RuleCheckRequest } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const amount = cart.amount.trim() === '' ? undefined : parseMoney(cart.amount);
  if (amount === null) problems.push('Order amount must be an amount like 150.00.');
  const items = cart.lines.map((line, index) => readLine(line, index + 1, problems));
  const metadata = readMetadata(cart.customerMetadata, problems);
  if (problems.length > 0) return { ok: false, problems };
  const customerId = cart.customerId.trim();
  return {
    ok: true,
    request: {
      order: {
        ...(amount === undefined || amount === null ? {} : { amount }),
        items: items.filter((item): item is CartLine => item !== null),
      },
      ...(customerId === '' && !metadata
        ? {}
        : { customer: { ...(customerId === '' ? {} : { source_id: customerId }), ...(metadata ? { metadata } : {}) } }),
    },
  };
}

interface CartLinesFieldsProps {
  cart: CartDraft;
  onChange: (cart: CartDraft) => void;
}

/** A small cart editor: the order amount, its lines, and who buys. */
export function CartLinesFields({ cart, onChange }: CartLinesFieldsProps) {
  const setLine = (uid: number, changes: Partial<CartLineDraft>) =>
    onChange({ ...cart, lines: cart.lines.map((line) => (line.uid === uid ? { ...line, ...changes } : line)) });
  const addLine = () =>
    onChange({ ...cart, lines: [...cart.lines, { uid: nextUid++, sourceId: '', quantity: '1', price: '' }] });

  return (
    <>
      <div className="field">
        <label htmlFor="cart-amount">Order amount</label>
        <input
          id="cart-amount"
          inputMode="decimal"
          placeholder="150.00"
          aria-describedby="cart-amount-help"
          value={cart.amount}
          onChange={(event) => onChange({ ...cart, amount: event.target.value })}
        />
        <p id="cart-amount-help" className="help">
          Blank: the lines added up.
        </p>
      </div>
      {cart.lines.map((line, index) => (
        <fieldset key={line.uid} className="fieldset cart-line">
          <legend>Line {index + 1}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`line-${line.uid}-product`}>Product source id</label>
              <input
                id={`line-${line.uid}-product`}
                value={line.sourceId}
                onChange={(event) => setLine(line.uid, { sourceId: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`line-${line.uid}-quantity`}>Quantity</label>
              <input
                id={`line-${line.uid}-quantity`}
                inputMode="numeric"
                value={line.quantity}
                onChange={(event) => setLine(line.uid, { quantity: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`line-${line.uid}-price`}>Unit price</label>
              <input
                id={`line-${line.uid}-price`}
                inputMode="decimal"
                placeholder="12.50"
                value={line.price}
                onChange={(event) => setLine(line.uid, { price: event.target.value })}
              />
            </div>
          </div>
          <div>
            <button
              type="button"
              className="button small"
              onClick={() => onChange({ ...cart, lines: cart.lines.filter((item) => item.uid !== line.uid) })}
            >
              Remove line {index + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" className="button" onClick={addLine}>
          Add line
        </button>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="cart-customer">Customer source id (optional)</label>
          <input
            id="cart-customer"
            value={cart.customerId}
            onChange={(event) => onChange({ ...cart, customerId: event.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="cart-customer-metadata">Customer metadata (JSON, optional)</label>
        <textarea
          id="cart-customer-metadata"
          rows={3}
          placeholder='{"tier": "vip"}'
          value={cart.customerMetadata}
          onChange={(event) => onChange({ ...cart, customerMetadata: event.target.value })}
        />
      </div>
    </>
  );
}
