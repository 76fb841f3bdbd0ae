// The last resort, with an EventEmitter standing for the process: the first fault is logged as
// fatal and starts the shutdown (exit 1 through it); a second one during that shutdown is logged
// and cuts nothing short; before a shutdown exists, the process exits 1 at once.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installLastResort } from '../../src/ops/last-resort.ts';
import { captureLog } from './helpers.ts';

describe('last resort', () => {
  it('logs an uncaught exception, then starts the graceful shutdown once', () => {
    const target = new EventEmitter();
    const log = captureLog('info');
    const shutdowns: string[] = [];
    const exits: number[] = [];
    const lr = installLastResort({ logger: log.logger, shutdown: () => (reason) => shutdowns.push(reason), exit: (c) => exits.push(c), target: target as never });
    target.emit('uncaughtException', new Error('boom'));
    target.emit('unhandledRejection', new Error('again'));
    expect(shutdowns).toEqual(['uncaught exception']);
    expect(exits).toEqual([]);
    const lines = log.lines();
    expect(lines[0]).toMatchObject({ level: 60, kind: 'uncaught exception', err: { message: 'boom' } });
    expect(lines[1]).toMatchObject({ level: 50, kind: 'unhandled rejection' });
    lr.dispose();
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });

  it('exits 1 at once when there is no shutdown to run yet', () => {
    const target = new EventEmitter();
    const exits: number[] = [];
    installLastResort({ logger: captureLog('info').logger, shutdown: () => undefined, exit: (c) => exits.push(c), target: target as never });
    target.emit('unhandledRejection', 'a string reason');
    expect(exits).toEqual([1]);
  });
});
