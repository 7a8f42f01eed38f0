export type Literal = string | number | null;

export type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'column'; table: string | null; name: string }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'compare'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr }
  | { kind: 'in'; expr: Expr; list: Expr[]; negated: boolean }
  | { kind: 'between'; expr: Expr; low: Expr; high: Expr; negated: boolean }
  | { kind: 'like'; expr: Expr; pattern: Expr; negated: boolean }
  | { kind: 'isNull'; expr: Expr; negated: boolean }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'concat'; left: Expr; right: Expr };

export interface SelectItem {
  expr: Expr | '*';
  alias: string | null;
}

export interface TableRef {
  table: string;
  alias: string;
}

export interface Join extends TableRef {
  type: 'inner' | 'left';
  on: Expr;
}

export interface OrderItem {
  expr: Expr;
  descending: boolean;
}

export interface Query {
  select: SelectItem[];
  from: TableRef;
  joins: Join[];
  where: Expr | null;
  orderBy: OrderItem[];
}
