import { ConnectorError } from '../../errors.js';

/**
 * A decimal string with two places ("12.50"), rounded half-up on the digits themselves so no
 * float ever touches the amount. Accepts SuiteQL's Oracle spelling (".5") and REST numbers.
 */
export function normalizeMoney(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(6) : '') : value.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new ConnectorError('permanent', `netsuite: "${String(value)}" is not a decimal amount`);
  const [, sign, whole, fraction = ''] = m;
  const digits = fraction.padEnd(3, '0');
  let cents = BigInt(whole || '0') * 100n + BigInt(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1n;
  const negative = sign === '-' && cents !== 0n;
  return `${negative ? '-' : ''}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** REST bodies carry amounts as JSON numbers; two decimal places survive that exactly. */
export function moneyToNumber(value: string): number {
  return Number(normalizeMoney(value));
}
