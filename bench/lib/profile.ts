import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** This process's CPU profile around one piece of work; answers the top self-time frames (ms). */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; top: Array<{ frame: string; selfMs: number }>; totalMs: number }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let result: T;
  let profile: Profile;
  try {
    result = await work();
  } finally {
    profile = ((await session.post('Profiler.stop')) as unknown as { profile: Profile }).profile;
    session.disconnect();
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*\/node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1').replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '');
    const frame = functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)' ? functionName : `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    self.set(frame, (self.get(frame) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const top = [...self.entries()]
    .filter(([f]) => f !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([frame, selfMs]) => ({ frame, selfMs: Math.round(selfMs) }));
  return { result: result!, top, totalMs: Math.round([...self.entries()].filter(([f]) => f !== '(idle)').reduce((s, [, v]) => s + v, 0)) };
}
