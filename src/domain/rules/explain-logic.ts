import type { LogicNode } from './logic-expression.js';

/**
 * Why a logic expression came out as it did: the rules that decided it, evaluated with the same
 * short-circuit. A false `and` is decided by its first false operand, a true `or` by its first
 * true operand; a true `and` and a false `or` by all their operands; `not` passes its operand's
 * deciders through. Each key is listed once, in evaluation order.
 */

/** A rule whose outcome decided the expression; `held` is true when the rule passed under a `not`. */
export interface LogicBlame {
  key: string;
  held: boolean;
}

interface Explained {
  value: boolean;
  blame: readonly LogicBlame[];
}

/** The reference explanation: a plain tree walk, allocating as it goes. */
export function explainLogic(node: LogicNode, outcome: (key: string) => boolean): LogicBlame[] {
  return uniqueBlame(explain(node, outcome).blame);
}

function explain(node: LogicNode, outcome: (key: string) => boolean): Explained {
  switch (node.type) {
    case 'rule': {
      const held = outcome(node.key);
      return { value: held, blame: [{ key: node.key, held }] };
    }
    case 'not': {
      const operand = explain(node.operand, outcome);
      return { value: !operand.value, blame: operand.blame };
    }
    case 'and':
    case 'or': {
      // An `and` is decided early by a false operand, an `or` by a true one.
      const decisive = node.type === 'or';
      const blame: LogicBlame[] = [];
      for (const operand of node.operands) {
        const result = explain(operand, outcome);
        if (result.value === decisive) return result;
        blame.push(...result.blame);
      }
      return { value: !decisive, blame };
    }
  }
}

/** Explains into `out`, returning the expression's value; nothing is allocated per call. */
export type LogicExplainer<C> = (context: C, out: LogicBlame[]) => boolean;

/**
 * `explainLogic` compiled once into closures, for the evaluator: each rule has its two possible
 * blames made up front, and a join drops the blame of operands that did not decide it by
 * truncating `out`, so a failing definition is explained without allocating.
 */
export function compileExplainer<C>(
  node: LogicNode,
  leafOf: (key: string) => (context: C) => boolean,
): LogicExplainer<C> {
  switch (node.type) {
    case 'rule': {
      const check = leafOf(node.key);
      const held: LogicBlame = Object.freeze({ key: node.key, held: true });
      const failed: LogicBlame = Object.freeze({ key: node.key, held: false });
      return (context, out) => {
        const value = check(context);
        out.push(value ? held : failed);
        return value;
      };
    }
    case 'not': {
      const operand = compileExplainer(node.operand, leafOf);
      return (context, out) => !operand(context, out);
    }
    case 'and':
    case 'or': {
      const operands = node.operands.map((operand) => compileExplainer(operand, leafOf));
      const decisive = node.type === 'or';
      return (context, out) => {
        const start = out.length;
        for (const operand of operands) {
          const mark = out.length;
          if (operand(context, out) === decisive) {
            out.copyWithin(start, mark);
            out.length -= mark - start;
            return decisive;
          }
        }
        return !decisive;
      };
    }
  }
}

/** Each key once, in order of first appearance: a rule named twice in the logic is one reason. */
export function uniqueBlame(blame: readonly LogicBlame[]): LogicBlame[] {
  const unique = new Map<string, LogicBlame>();
  for (const entry of blame) if (!unique.has(entry.key)) unique.set(entry.key, entry);
  return [...unique.values()];
}
