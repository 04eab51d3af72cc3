/**
 * Calls made in the same turn of the event loop, sent as one request: each caller asks for one
 * key and gets its own answer, while the API sees one query for up to `max` keys.
 */
export function createBatcher<K, V>(
  run: (keys: K[]) => Promise<Map<K, V>>,
  max: number,
): (key: K) => Promise<V> {
  const queued: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    while (queued.length > 0) {
      const batch = queued.splice(0, max);
      run(batch.map((b) => b.key)).then(
        (answers) => {
          for (const b of batch) {
            if (answers.has(b.key)) b.resolve(answers.get(b.key) as V);
            else b.reject(new Error(`no answer for ${String(b.key)}`));
          }
        },
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      );
    }
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush);
      queued.push({ key, resolve, reject });
    });
}
