import { describe, expect, it } from 'vitest';
import { seededRandom } from './faults.js';
import { TimeIndex, type TimeBound } from './time-index.js';

/** Random writes (mostly "now", some back in time, some deletes) against a plain filter-and-sort. */
describe('TimeIndex', () => {
  it('answers every range as filtering and sorting all records would, through writes', () => {
    const random = seededRandom(3);
    const pick = (n: number) => Math.floor(random() * n);
    const records = new Map<string, number>();
    const index = new TimeIndex((key) => (records.has(key) ? { at: records.get(key) as number, id: Number(key) } : undefined), () => records.keys());
    let now = 1_000;
    for (let i = 1; i <= 300; i++) records.set(String(i), pick(50) * 10);

    const naive = (lower: TimeBound | null, upper: TimeBound | null) => {
      const inside = (at: number, id: number, b: TimeBound, sign: 1 | -1) => {
        const c = at - b.at || (id < b.id ? -1 : id > b.id ? 1 : 0);
        return sign * c > 0 || (c === 0 && !b.open);
      };
      return [...records]
        .filter(([key, at]) => (!lower || inside(at, Number(key), lower, 1)) && (!upper || inside(at, Number(key), upper, -1)))
        .sort(([a, x], [b, y]) => x - y || Number(a) - Number(b))
        .map(([key]) => key);
    };
    const bound = (): TimeBound | null => {
      if (random() < 0.2) return null;
      const ids = [-Infinity, Infinity, pick(320)];
      return { at: pick(now + 20), id: ids[pick(3)] as number, open: random() < 0.5 };
    };

    for (let round = 0; round < 400; round++) {
      // Bursts of up to 60 writes: the index splices a few, merges many, sweeps the dead.
      const writes = pick(round % 10 === 0 ? 60 : 4);
      for (let w = 0; w < writes; w++) {
        const key = String(1 + pick(320));
        const roll = random();
        if (roll < 0.1) records.delete(key);
        else records.set(key, roll < 0.3 ? pick(now) : (now += pick(3)));
        index.touch(key);
      }
      const [lower, upper] = [bound(), bound()];
      expect(index.range(lower, upper)).toEqual(naive(lower, upper));
    }
    records.clear();
    index.reset();
    expect(index.range(null, null)).toEqual([]);
    records.set('7', 5);
    index.touch('7');
    expect(index.range({ at: 5, id: -Infinity, open: false }, null)).toEqual(['7']);
  });
});
