// Whether a bench file is the program being run (`node bin/run-ts.js bench/x.ts`), not imported by bench/index.ts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function isEntry(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}
