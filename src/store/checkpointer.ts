// WAL checkpoints, mostly in a worker thread. SQLite's automatic checkpoint runs inside the commit
// that takes the WAL past 1,000 pages, on the event loop: it copies every page written since the
// last one into the database file and syncs it, about 6–9 ms on these disks every ~270 commits,
// and a burst of acks waits behind it (each request writes its replay row). Here one worker per
// process holds its own connection to each file and runs a PASSIVE checkpoint (it never blocks a
// writer or a reader) every few milliseconds while pages are written, so when the commit's
// automatic checkpoint comes, little or nothing is left to copy. The automatic checkpoint stays
// on: it is what restarts the WAL from its beginning, and if the worker fails nothing changes but
// the speed. https://www.sqlite.org/wal.html#ckpt
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

/**
 * How often the worker checkpoints each file (ms): every 10 ms while pages are being written (a
 * busy bot writes a thousand pages in a fifth of a second), backing off to 500 ms when idle. A
 * checkpoint with nothing to copy costs microseconds.
 */
export const CHECKPOINT_INTERVAL_MS = { min: 10, max: 500 };

// CommonJS, so it runs the same from the TypeScript sources and from dist/. A file whose
// checkpoint fails is dropped and reported once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();
const message = (err) => String((err && err.message) || err);
parentPort.on('message', (m) => {
  if (m.open) {
    try {
      const db = new Database(m.open, { fileMustExist: true });
      db.pragma('synchronous = NORMAL');
      files.set(m.open, db);
    } catch (err) {
      parentPort.postMessage({ failed: m.open, error: message(err) });
    }
  } else if (m.close) {
    const db = files.get(m.close);
    files.delete(m.close);
    try { if (db) db.close(); } catch {}
  }
});
// Soon again while pages are being written, slower when idle.
let wait = workerData.minMs;
const tick = () => {
  let copied = 0;
  for (const [path, db] of files) {
    try {
      const [r] = db.pragma('wal_checkpoint(PASSIVE)');
      copied += r.checkpointed > 0 && r.checkpointed !== last.get(path) ? 1 : 0;
      last.set(path, r.checkpointed);
    } catch (err) {
      files.delete(path);
      try { db.close(); } catch {}
      parentPort.postMessage({ failed: path, error: message(err) });
    }
  }
  wait = copied > 0 ? workerData.minMs : Math.min(wait * 2, workerData.maxMs);
  setTimeout(tick, wait);
};
const last = new Map();
setTimeout(tick, wait);
`;

let worker: Worker | undefined;
/** Main connections per file path in this process (the worker holds one connection per path). */
const users = new Map<string, number>();

/**
 * Has the worker thread checkpoint db's file in the background; call the result before closing db.
 * Nothing for :memory:. onError hears, once each, a worker that cannot start or a file it cannot
 * checkpoint (the commits' own checkpoints then do all the work, as without this).
 */
export function checkpointInBackground(db: Db, onError: (message: string) => void = () => undefined): () => void {
  if (db.memory) return () => undefined;
  const path = resolve(db.name);
  const count = users.get(path) ?? 0;
  users.set(path, count + 1);
  if (count === 0) startWorker(onError)?.postMessage({ open: path });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (users.get(path) ?? 1) - 1;
    if (left > 0) return void users.set(path, left);
    users.delete(path);
    worker?.postMessage({ close: path });
  };
}

function startWorker(onError: (message: string) => void): Worker | undefined {
  if (worker) return worker;
  let w: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, minMs: CHECKPOINT_INTERVAL_MS.min, maxMs: CHECKPOINT_INTERVAL_MS.max } });
  } catch (err) {
    onError(`cannot start the SQLite checkpoint thread; checkpoints stay in the commits: ${(err as Error).message}`);
    return undefined;
  }
  worker = w;
  w.on('message', (m: { failed?: string; error?: string }) => {
    if (m.failed) onError(`the SQLite checkpoint thread cannot checkpoint ${m.failed}; its checkpoints stay in the commits: ${m.error}`);
  });
  const gone = (why: string) => {
    if (worker !== w) return;
    worker = undefined;
    users.clear(); // files opened from now on start a new worker
    onError(`the SQLite checkpoint thread stopped (${why}); checkpoints stay in the commits`);
  };
  w.on('error', (err) => gone(err.message));
  w.on('exit', (code) => gone(`exit code ${code}`));
  w.unref(); // never keeps the process alive (after the listeners: adding a 'message' listener refs it again)
  return w;
}
