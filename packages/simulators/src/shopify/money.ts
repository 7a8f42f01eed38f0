/** Normalises a decimal string to two places without floats ("12.5" → "12.50", "3.456" → "3.46"). */
export function normalizeDecimal(value: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return undefined;
  const [, sign, whole, frac = ''] = m;
  const cents = BigInt(`${whole}${frac.padEnd(2, '0').slice(0, 2)}`) + (frac.length > 2 && Number(frac[2]) >= 5 ? 1n : 0n);
  const digits = cents.toString().padStart(3, '0');
  const result = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return sign && cents !== 0n ? `-${result}` : result;
}
