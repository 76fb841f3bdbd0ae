// A configuration problem found at start: each entry names the variable and what is wrong,
// so `npm start` can stop with one message listing every bad variable.
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
