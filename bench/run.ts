// `pnpm bench [name ...]`: every benchmark, or only those named.
const benchmarks: Record<string, (argv: string[]) => Promise<void>> = {
  sync: async (argv) => (await import('./sync.js')).runSyncBench(argv),
  scheduled: async (argv) => (await import('./scheduled.js')).runScheduledBench(argv),
  // One line per benchmark.
};

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const names = args.filter((a) => !a.startsWith('--'));
  const options = args.filter((a) => a.startsWith('--'));
  const unknown = names.filter((name) => !(name in benchmarks));
  if (unknown.length) {
    for (const name of unknown) console.error(`no benchmark named ${name} (known: ${Object.keys(benchmarks).join(', ')})`);
    process.exitCode = 2;
    return;
  }
  for (const name of names.length ? names : Object.keys(benchmarks)) {
    console.log(`\n=== bench ${name} ===`);
    await (benchmarks[name] as (argv: string[]) => Promise<void>)(options);
  }
}

main().then(
  // Lingering handles (pools, timers) must not keep a finished benchmark alive.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
