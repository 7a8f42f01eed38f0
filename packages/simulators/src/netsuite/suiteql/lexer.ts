export type Token =
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'symbol'; value: string; pos: number }
  | { kind: 'end'; pos: number };

export class SuiteQLSyntaxError extends Error {}

const SYMBOLS = ['<>', '!=', '<=', '>=', '||', '=', '<', '>', '(', ')', ',', '*', '.'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new SuiteQLSyntaxError(`unterminated string literal at ${i}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j += 1;
      }
      tokens.push({ kind: 'string', value, pos: i });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !isOperand(tokens[tokens.length - 1]))) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i));
      const raw = match ? match[0] : c;
      tokens.push({ kind: 'number', value: Number(raw), pos: i });
      i += raw.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(text.slice(i));
      const raw = match ? match[0] : c;
      tokens.push({ kind: 'ident', value: raw, pos: i });
      i += raw.length;
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (!symbol) throw new SuiteQLSyntaxError(`unexpected character "${c}" at ${i}`);
      tokens.push({ kind: 'symbol', value: symbol === '!=' ? '<>' : symbol, pos: i });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function isOperand(t: Token | undefined): boolean {
  if (!t) return false;
  return t.kind === 'number' || t.kind === 'string' || (t.kind === 'ident' && !/^(AND|OR|NOT|IN|WHERE|BETWEEN|SELECT|ON)$/i.test(t.value)) || (t.kind === 'symbol' && t.value === ')');
}
