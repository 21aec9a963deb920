/**
 * The `logic` of a validation rule: rule keys joined by `and`, `or`, `not` (any case) and
 * parentheses, as in `(1 and 2) or not 3`. Precedence: not, then and, then or; `and` and `or`
 * group left to right (they are associative, so only the order of evaluation depends on it).
 * Evaluation short-circuits left to right, which is what lets a definition skip loading facts
 * and scanning items for rules it never reaches.
 */

export type LogicNode =
  | { type: 'rule'; key: string }
  | { type: 'not'; operand: LogicNode }
  | { type: 'and' | 'or'; operands: readonly LogicNode[] };

export type LogicParseResult = { ok: true; node: LogicNode } | { ok: false; message: string };

/** Beyond these a logic text is a mistake or an attack on the parser's stack. */
export const MAX_LOGIC_LENGTH = 2000;
export const MAX_LOGIC_DEPTH = 32;

type Token =
  | { kind: 'open' | 'close' | 'and' | 'or' | 'not'; position: number; text: string }
  | { kind: 'key'; position: number; text: string };

const KEYWORDS = new Set(['and', 'or', 'not']);

/** Whether a rule key can be named in a logic text: no spaces, no parentheses, not a keyword. */
export function isLogicKey(key: string): boolean {
  return key !== '' && !/[\s()]/.test(key) && !KEYWORDS.has(key.toLowerCase());
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|([^\s()]+))/gy;
  for (let match = pattern.exec(text); match !== null && match[0] !== ''; match = pattern.exec(text)) {
    const [whole, open, close, word = ''] = match;
    const position = match.index + whole.length - (open ?? close ?? word).length;
    if (open) tokens.push({ kind: 'open', position, text: open });
    else if (close) tokens.push({ kind: 'close', position, text: close });
    else {
      const lower = word.toLowerCase();
      const kind = lower === 'and' || lower === 'or' || lower === 'not' ? lower : 'key';
      tokens.push({ kind, position, text: word });
    }
  }
  return tokens;
}

class LogicSyntaxError extends Error {}

class LogicParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): LogicNode {
    const node = this.parseOr();
    const extra = this.tokens[this.index];
    if (extra?.kind === 'close') this.fail(`unmatched ')'`, extra);
    if (extra) this.fail(`expected 'and' or 'or' before '${extra.text}'`, extra);
    return node;
  }

  private fail(problem: string, at: Token | undefined): never {
    throw new LogicSyntaxError(at ? `${problem} at position ${at.position}` : `${problem} at the end`);
  }

  private parseOr(): LogicNode {
    return this.parseJoined('or', () => this.parseAnd());
  }

  private parseAnd(): LogicNode {
    return this.parseJoined('and', () => this.parseNot());
  }

  private parseJoined(kind: 'and' | 'or', parseOperand: () => LogicNode): LogicNode {
    const operands = [parseOperand()];
    while (this.tokens[this.index]?.kind === kind) {
      this.index += 1;
      operands.push(parseOperand());
    }
    // A single operand stands for itself; nested joins of the same kind flatten into one.
    if (operands.length === 1) return operands[0] as LogicNode;
    return { type: kind, operands: operands.flatMap((node) => (node.type === kind ? node.operands : [node])) };
  }

  private parseNot(): LogicNode {
    const token = this.tokens[this.index];
    if (token?.kind !== 'not') return this.parsePrimary();
    this.index += 1;
    return { type: 'not', operand: this.nested(token, () => this.parseNot()) };
  }

  private parsePrimary(): LogicNode {
    const token = this.tokens[this.index];
    if (token?.kind === 'key') {
      this.index += 1;
      return { type: 'rule', key: token.text };
    }
    if (token?.kind !== 'open') {
      return this.fail(`expected a rule key, 'not' or '('${token ? `, got '${token.text}'` : ''}`, token);
    }
    this.index += 1;
    const node = this.nested(token, () => this.parseOr());
    const close = this.tokens[this.index];
    if (close?.kind !== 'close') this.fail(`missing ')' for the '(' at position ${token.position}`, close);
    this.index += 1;
    return node;
  }

  private nested(at: Token, parse: () => LogicNode): LogicNode {
    this.depth += 1;
    if (this.depth > MAX_LOGIC_DEPTH) this.fail(`nests deeper than ${MAX_LOGIC_DEPTH} levels`, at);
    const node = parse();
    this.depth -= 1;
    return node;
  }
}

/** Parses a non-blank logic text; the message of a failure names what is wrong and where. */
export function parseLogic(text: string): LogicParseResult {
  if (text.length > MAX_LOGIC_LENGTH) return { ok: false, message: `is longer than ${MAX_LOGIC_LENGTH} characters` };
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: false, message: 'is blank' };
  try {
    return { ok: true, node: new LogicParser(tokens).parse() };
  } catch (error) {
    if (error instanceof LogicSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

/** What a blank logic means: every rule, in the given order. */
export function allOf(keys: readonly string[]): LogicNode | null {
  if (keys.length === 0) return null;
  if (keys.length === 1) return { type: 'rule', key: keys[0] as string };
  return { type: 'and', operands: keys.map((key) => ({ type: 'rule', key })) };
}

/** The rule keys a logic names, each once, in order of appearance. */
export function logicKeys(node: LogicNode): string[] {
  const keys = new Set<string>();
  const visit = (current: LogicNode): void => {
    if (current.type === 'rule') keys.add(current.key);
    else if (current.type === 'not') visit(current.operand);
    else current.operands.forEach(visit);
  };
  visit(node);
  return [...keys];
}

/** Plain loops: the closures run for every definition on every cart, so they allocate nothing. */
export function everyOf<C>(checks: readonly ((context: C) => boolean)[]): (context: C) => boolean {
  if (checks.length === 1) return checks[0] as (context: C) => boolean;
  return (context) => {
    for (const check of checks) if (!check(context)) return false;
    return true;
  };
}

export function someOf<C>(checks: readonly ((context: C) => boolean)[]): (context: C) => boolean {
  if (checks.length === 1) return checks[0] as (context: C) => boolean;
  return (context) => {
    for (const check of checks) if (check(context)) return true;
    return false;
  };
}

/** Turns a logic tree into one closure over the rules' own closures: no tree walk per call. */
export function compileLogic<C>(
  node: LogicNode,
  leafOf: (key: string) => (context: C) => boolean,
): (context: C) => boolean {
  switch (node.type) {
    case 'rule':
      return leafOf(node.key);
    case 'not': {
      const operand = compileLogic(node.operand, leafOf);
      return (context) => !operand(context);
    }
    case 'and':
      return everyOf(node.operands.map((operand) => compileLogic(operand, leafOf)));
    case 'or':
      return someOf(node.operands.map((operand) => compileLogic(operand, leafOf)));
  }
}
