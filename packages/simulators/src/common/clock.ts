/**
 * The simulator's own clock: real time plus an adjustable offset, so tests can move
 * "now" (and the records' modified times) without waiting.
 */
export class SimClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  set(at: Date): Date {
    this.offsetMs = at.getTime() - Date.now();
    return this.now();
  }
}
