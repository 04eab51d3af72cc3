/** Run `work` over `items` with at most `limit` in flight; results keep the items' order. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settleAll<I, T>(
  items: readonly I[],
  limit: number,
  work: (item: I) => Promise<T>,
): Promise<Settled<T>[]> {
  const results: Settled<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await work(items[i]!) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
