/** Thrown by the pure mappers when a platform value cannot become a canonical one. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/** A decimal string normalised to two places ("12.5" → "12.50"), rounding half up on the digits, never through a float. */
export function normalizeMoney(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new MappingError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, frac = ''] = m;
  const roundUp = frac.length > 2 && Number(frac[2]) >= 5 ? 1n : 0n;
  const cents = BigInt(`${whole}${frac.padEnd(2, '0').slice(0, 2)}`) + roundUp;
  const digits = cents.toString().padStart(3, '0');
  const result = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return sign && cents !== 0n ? `-${result}` : result;
}
