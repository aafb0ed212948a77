import cliProgress from 'cli-progress';

/** Reports progress of a long run; `stop()` when done. */
export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** True when standard error is a terminal; otherwise nothing is drawn. */
  isTTY: boolean;
  /** What is counted (`replications`). */
  label: string;
  /** Draw only once the run has lasted this long (ms); default 1,000. */
  delayMs?: number;
  /** The stream to draw on; default process.stderr. */
  stream?: NodeJS.WritableStream;
}

/**
 * A progress bar (cli-progress) on standard error, drawn only when it is a terminal and only
 * once the run has lasted over a second, so short runs and piped output stay clean.
 */
export function createProgressBar(options: ProgressBarOptions): ProgressReporter {
  if (!options.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  const delay = options.delayMs ?? 1000;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (bar === undefined) {
        if (Date.now() - started < delay || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream: options.stream ?? process.stderr,
            format: `{bar} {value}/{total} ${options.label} | {duration_formatted} (ETA {eta_formatted})`,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
