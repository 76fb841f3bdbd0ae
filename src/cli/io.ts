// Where CLI subcommands write; injected so tests can capture it.
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

/** Exit code for bad usage or a broken fact base. */
export const EXIT_USAGE = 1;
