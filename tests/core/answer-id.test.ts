import { describe, expect, it } from 'vitest';
import { newAnswerId } from '../../src/core/feedback.ts';

describe('answer ids', () => {
  it('fit a button custom_id and sort by the time they were made (appended to the primary-key index)', () => {
    const times = [0, 35, 36, 1_000, 1_764_000_000_000, 1_764_000_000_001, 1_900_000_000_000, 101_559_956_668_415];
    const ids = times.map((at) => newAnswerId(at));
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{12}$/);
    // SQLite compares TEXT byte by byte, as this sort does.
    expect([...ids].sort()).toEqual(ids);
    // Two of the same millisecond differ.
    expect(newAnswerId(1_000)).not.toBe(newAnswerId(1_000));
  });
});
