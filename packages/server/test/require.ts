import { describe, it } from 'vitest';

export interface Capability {
  name: string;
  available: boolean;
  reason: string;
}

const reported = new Set<string>();

/**
 * True when the capability is there. Otherwise the test is to be skipped, with the reason
 * on stderr, unless CI_REQUIRE_ALL=1, where a missing capability is an error instead.
 */
export function requireOrSkip(what: string, available: boolean, reason: string): boolean {
  if (available) return true;
  if (process.env.CI_REQUIRE_ALL === '1') {
    throw new Error(`${what} is required (CI_REQUIRE_ALL=1) but unavailable: ${reason}`);
  }
  if (!reported.has(what)) {
    reported.add(what);
    process.stderr.write(`[skip] ${what} unavailable, skipping its tests: ${reason}\n`);
  }
  return false;
}

/** Runs `probe`; a throw, rejection or timeout means unavailable, with its message as reason. */
export async function capability(name: string, probe: () => Promise<unknown>, timeoutMs = 5_000): Promise<Capability> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probe timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { name, available: true, reason: '' };
  } catch (err) {
    return { name, available: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** `describe`, or `describe.skip` after reporting why (a failure under CI_REQUIRE_ALL=1). */
export function describeIf(cap: Capability) {
  return describe.skipIf(!requireOrSkip(cap.name, cap.available, cap.reason));
}

/** `it`, or `it.skip` after reporting why (a failure under CI_REQUIRE_ALL=1). */
export function itIf(cap: Capability) {
  return it.skipIf(!requireOrSkip(cap.name, cap.available, cap.reason));
}
