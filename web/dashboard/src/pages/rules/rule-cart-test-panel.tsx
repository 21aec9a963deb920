import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../api/api-error';
import { checkValidationRule, type RuleCheckRequest, type RuleCheckResult } from '../../api/rules-api';
import { ErrorMessage } from '../../components/error-message';
import { type CartDraft, CartLinesFields, readCart } from './cart-lines-fields';
import { RuleCheckOutcome } from './rule-check-outcome';

const EMPTY_CART: CartDraft = { amount: '', lines: [], customerId: '', customerMetadata: '' };

/** Checks a made-up cart against the rule, storing nothing: what a validation with this rule would say. */
export function RuleCartTestPanel({ ruleId, conditionNames }: { ruleId: string; conditionNames: Map<string, string> }) {
  const [cart, setCart] = useState(EMPTY_CART);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<RuleCheckResult | null>(null);
  const [busy, setBusy] = useState(false);

  const submitCart = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readCart(cart);
    setError(null);
    setResult(null);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      setResult(await checkValidationRule(ruleId, read.request satisfies RuleCheckRequest));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cart-test-heading" className="card rule-cart-test">
      <h2 id="cart-test-heading">Test against a cart</h2>
      <p className="help">Nothing is stored: not the order, not the customer. Redemption counts are not known here.</p>
      <form className="form" onSubmit={submitCart} noValidate>
        {problems.length > 0 ? (
          <div className="error" role="alert">
            <p className="error-message">Please fix these before testing:</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorMessage error={error} takeFocus />
        <CartLinesFields cart={cart} onChange={setCart} />
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Testing…' : 'Test the cart'}
          </button>
        </div>
      </form>
      <div role="status" className="rule-check-status">
        {result ? <RuleCheckOutcome result={result} conditionNames={conditionNames} /> : null}
      </div>
    </section>
  );
}
