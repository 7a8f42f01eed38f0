export type Verdict = 'PASS' | 'FAIL' | '';

export interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  verdict: Verdict;
}

/** A plain-text table, columns padded to their widest cell. */
export function renderTable(rows: Row[]): string {
  const header: Row = { section: 'case', figure: 'figure', value: 'value', target: 'target', verdict: 'PASS' };
  const cells = (r: Row, head = false) => [r.section, r.figure, r.value, r.target, head ? 'result' : r.verdict];
  const all = [cells(header, true), ...rows.map((r) => cells(r))];
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out: string[] = [line(all[0]), rule];
  let last = '';
  for (const c of all.slice(1)) {
    const shown = c[0] === last ? ['', ...c.slice(1)] : c;
    last = c[0];
    out.push(line(shown));
  }
  return out.join('\n');
}

export const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
export const n = (v: number) => Math.round(v).toLocaleString('en-US');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const ratio = (ours: number, theirs: number) => (ours === 0 ? (theirs === 0 ? '1x' : `∞ (0 vs ${n(theirs)})`) : `${(theirs / ours).toFixed(1)}x fewer/faster`);
