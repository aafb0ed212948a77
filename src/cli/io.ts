/**
 * Where a command writes. The real CLI passes process streams; tests pass buffers, so every
 * command can be run end to end without spawning a process.
 */
export interface CliIo {
  /** Write to standard output (results). */
  stdout(text: string): void;
  /** Write to standard error (diagnostics, progress). */
  stderr(text: string): void;
  /** True when standard error is a terminal (progress bars are drawn only then). */
  stderrIsTTY: boolean;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** An in-memory io for tests: everything written is kept in `out` and `err`. */
export function bufferIo(cwd = process.cwd()): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    cwd,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
