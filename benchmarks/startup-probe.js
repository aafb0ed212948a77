// Loaded with `node --import` by startup.bench.js: at exit, reports this process's CPU time and
// peak memory on standard error, on one line the benchmark recognises.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMiB: usage.maxRSS / 1024,
  });
  process.stderr.write(`\nSTARTUP-PROBE ${line}\n`);
});
