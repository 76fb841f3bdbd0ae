// Best k items by score without sorting everything (a common word can touch most of 100k facts).
// Ties go to the lower index, so results are deterministic.

export function topK(items: readonly number[], score: (i: number) => number, k: number): number[] {
  const better = (a: number, b: number) => {
    const sa = score(a);
    const sb = score(b);
    return sa !== sb ? sa > sb : a < b;
  };
  if (items.length <= k) return [...items].sort((a, b) => (better(a, b) ? -1 : 1));
  // Min-heap of the k best seen: the root is the worst of them.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p]!, heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m]!, heap[l]!)) m = l;
      if (r < heap.length && better(heap[m]!, heap[r]!)) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  };
  for (const it of items) {
    if (heap.length < k) {
      heap.push(it);
      up(heap.length - 1);
    } else if (better(it, heap[0]!)) {
      heap[0] = it;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
