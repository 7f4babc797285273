// Preloaded into a measured process (NODE_OPTIONS=--require bench/usage.cjs, see runNode in
// lib.ts): when it exits, writes its peak resident set size (bytes) and CPU time (ms, all threads)
// as JSON to the file named by NASSAQ_BENCH_USAGE. The variable is removed at once, so that the
// process's own children (which inherit NODE_OPTIONS) do not overwrite the file.
'use strict';
const file = process.env.NASSAQ_BENCH_USAGE;
delete process.env.NASSAQ_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage(); // maxRSS in kilobytes, CPU times in microseconds
    require('node:fs').writeFileSync(file, JSON.stringify({ peakRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
