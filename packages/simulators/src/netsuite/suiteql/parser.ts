import type { Expr, Join, OrderItem, Query, SelectItem, TableRef } from './ast.js';
import { SuiteQLSyntaxError, tokenize, type Token } from './lexer.js';

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'BETWEEN', 'AS', 'ASC', 'DESC', 'JOIN', 'LEFT', 'INNER', 'OUTER', 'ON']);

/** A recursive-descent parser for the SuiteQL subset the simulator answers. */
export function parseSuiteQL(text: string): Query {
  return new Parser(tokenize(text)).query();
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    this.expectKeyword('SELECT');
    const select = this.commaList(() => this.selectItem());
    this.expectKeyword('FROM');
    const from = this.tableRef();
    const joins: Join[] = [];
    for (;;) {
      const join = this.joinClause();
      if (!join) break;
      joins.push(join);
    }
    const where = this.acceptKeyword('WHERE') ? this.expr() : null;
    let orderBy: OrderItem[] = [];
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      orderBy = this.commaList(() => {
        const expr = this.expr();
        const descending = this.acceptKeyword('DESC');
        if (!descending) this.acceptKeyword('ASC');
        return { expr, descending };
      });
    }
    const end = this.peek();
    if (end.kind !== 'end') throw this.error(end, 'end of query');
    return { select, from, joins, where, orderBy };
  }

  private selectItem(): SelectItem {
    if (this.acceptSymbol('*')) return { expr: '*', alias: null };
    const expr = this.expr();
    if (this.acceptKeyword('AS')) return { expr, alias: this.identifier() };
    const next = this.peek();
    if (next.kind === 'ident' && !RESERVED.has(next.value.toUpperCase())) return { expr, alias: this.identifier() };
    return { expr, alias: null };
  }

  private tableRef(): TableRef {
    const table = this.identifier().toLowerCase();
    this.acceptKeyword('AS');
    const aliasToken = this.peek();
    if (aliasToken.kind === 'ident' && !RESERVED.has(aliasToken.value.toUpperCase())) return { table, alias: this.identifier().toLowerCase() };
    return { table, alias: table };
  }

  private joinClause(): Join | null {
    let type: 'inner' | 'left' = 'inner';
    if (this.acceptKeyword('LEFT')) {
      type = 'left';
      this.acceptKeyword('OUTER');
      this.expectKeyword('JOIN');
    } else if (this.acceptKeyword('INNER')) {
      this.expectKeyword('JOIN');
    } else if (!this.acceptKeyword('JOIN')) {
      return null;
    }
    const ref = this.tableRef();
    this.expectKeyword('ON');
    return { ...ref, type, on: this.expr() };
  }

  private expr(): Expr {
    let left = this.andExpr();
    while (this.acceptKeyword('OR')) left = { kind: 'or', left, right: this.andExpr() };
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (this.acceptKeyword('AND')) left = { kind: 'and', left, right: this.notExpr() };
    return left;
  }

  private notExpr(): Expr {
    if (this.acceptKeyword('NOT')) return { kind: 'not', expr: this.notExpr() };
    return this.predicate();
  }

  private predicate(): Expr {
    const left = this.concatExpr();
    const t = this.peek();
    if (t.kind === 'symbol' && ['=', '<>', '<', '<=', '>', '>='].includes(t.value)) {
      this.i += 1;
      return { kind: 'compare', op: t.value as '=', left, right: this.concatExpr() };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      this.expectKeyword('NULL');
      return { kind: 'isNull', expr: left, negated };
    }
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('IN')) {
      this.expectSymbol('(');
      const list = this.commaList(() => this.concatExpr());
      this.expectSymbol(')');
      return { kind: 'in', expr: left, list, negated };
    }
    if (this.acceptKeyword('LIKE')) return { kind: 'like', expr: left, pattern: this.concatExpr(), negated };
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.concatExpr();
      this.expectKeyword('AND');
      return { kind: 'between', expr: left, low, high: this.concatExpr(), negated };
    }
    if (negated) throw this.error(this.peek(), 'IN, LIKE or BETWEEN after NOT');
    return left;
  }

  private concatExpr(): Expr {
    let left = this.primary();
    while (this.acceptSymbol('||')) left = { kind: 'concat', left, right: this.primary() };
    return left;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number' || t.kind === 'string') {
      this.i += 1;
      return { kind: 'literal', value: t.value };
    }
    if (this.acceptSymbol('(')) {
      const inner = this.expr();
      this.expectSymbol(')');
      return inner;
    }
    if (t.kind === 'ident') {
      if (t.value.toUpperCase() === 'NULL') {
        this.i += 1;
        return { kind: 'literal', value: null };
      }
      if (RESERVED.has(t.value.toUpperCase())) throw this.error(t, 'an expression');
      const parts = [this.identifier()];
      while (this.acceptSymbol('.')) parts.push(this.identifier());
      if (this.acceptSymbol('(')) {
        const args = this.peekSymbol(')') ? [] : this.commaList(() => this.expr());
        this.expectSymbol(')');
        return { kind: 'call', name: parts.join('.').toUpperCase(), args };
      }
      if (parts.length > 2) throw this.error(t, 'a column reference');
      const name = parts[parts.length - 1].toLowerCase();
      return { kind: 'column', table: parts.length === 2 ? parts[0].toLowerCase() : null, name };
    }
    throw this.error(t, 'an expression');
  }

  private commaList<T>(item: () => T): T[] {
    const list = [item()];
    while (this.acceptSymbol(',')) list.push(item());
    return list;
  }

  private identifier(): string {
    const t = this.peek();
    if (t.kind !== 'ident') throw this.error(t, 'an identifier');
    this.i += 1;
    return t.value;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private peekSymbol(symbol: string): boolean {
    const t = this.peek();
    return t.kind === 'symbol' && t.value === symbol;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.peekSymbol(symbol)) return false;
    this.i += 1;
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.error(this.peek(), `"${symbol}"`);
  }

  private acceptKeyword(word: string): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' || t.value.toUpperCase() !== word) return false;
    this.i += 1;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.error(this.peek(), word);
  }

  private error(t: Token, expected: string): SuiteQLSyntaxError {
    const found = t.kind === 'end' ? 'end of query' : `"${String(t.value)}"`;
    return new SuiteQLSyntaxError(`expected ${expected} at position ${t.pos}, found ${found}`);
  }
}
