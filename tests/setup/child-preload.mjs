// Preloaded (NODE_OPTIONS --import) into the processes tests spawn: the loopback-only guard in
// their main thread. Plain JS, because worker threads (pino's transports) load it too and have
// no TypeScript loader; they make no connections of their own, so they skip it.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./loopback-only.ts');
}
