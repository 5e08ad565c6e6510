// Fallback measurement only (when /usr/bin/time is absent): preloaded into node children with
// NODE_OPTIONS=--require, it writes the process's own resource usage at exit to
// $BENCH_RUSAGE_FILE. maxRSS is in KiB (as getrusage ru_maxrss), CPU times in microseconds.
'use strict';
const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  delete process.env.BENCH_RUSAGE_FILE; // grandchildren must not overwrite it
  process.on('exit', () => {
    try {
      const r = process.resourceUsage();
      require('node:fs').writeFileSync(file, JSON.stringify({ maxRSS: r.maxRSS, user: r.userCPUTime, system: r.systemCPUTime }));
    } catch {
      /* measuring must never change the child's behaviour */
    }
  });
}
