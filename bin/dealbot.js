#!/usr/bin/env -S node --v8-pool-size=0
// The `dealbot` command. Runs the TypeScript sources through tsx (no build step);
// a built copy in dist/ (see Dockerfile) is preferred when present.
// --v8-pool-size=0 sizes V8's background threads to the cores: Node's default of 4 on a 2-core
// host preempts the main thread during parallel scavenges, and a 0.05 ms answer then takes 4-8 ms
// (see README, "Benchmarks"). npm start, the Dockerfile and deploy/dealbot.service pass it too.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
