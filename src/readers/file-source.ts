/** FileSource implementations: the only place the readers' inputs touch the file system. */
import { open, stat } from 'node:fs/promises';
import type { FileSource } from '../core/evidence.js';

export const CHUNK_SIZE = 1024 * 1024;
/** The first read of a streamed file; later reads grow to CHUNK_SIZE. */
export const FIRST_CHUNK_SIZE = 16 * 1024;
/** Ranges up to this size are kept for later reads inside them. */
const RECENT_BYTES = 1024 * 1024;

/** A file on disk, read on demand: `read` opens, reads and closes; `chunks` streams 1 MiB at a time. */
export async function fileSourceFromPath(
  absPath: string,
  repoRelPath: string,
): Promise<FileSource> {
  const { size } = await stat(absPath);
  const recent: { offset: number; bytes: Uint8Array }[] = [];
  return {
    path: repoRelPath,
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const want = Math.max(0, Math.min(length, size - offset));
      if (want === 0) return new Uint8Array(0);
      // A zip is read from its tail: the directory, and Inspect's header.json written last, are
      // usually inside the first tail read, so later reads are served from it.
      const hit = recent.find(
        (r) => offset >= r.offset && offset + want <= r.offset + r.bytes.length,
      );
      if (hit) return hit.bytes.slice(offset - hit.offset, offset - hit.offset + want);
      const buffer = new Uint8Array(want);
      const remember = (bytes: Uint8Array) => {
        if (bytes.length <= RECENT_BYTES) {
          recent.unshift({ offset, bytes });
          recent.splice(2);
        }
        return bytes;
      };
      const handle = await open(absPath, 'r');
      try {
        let filled = 0;
        while (filled < want) {
          const { bytesRead } = await handle.read(buffer, filled, want - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return remember(filled === want ? buffer : buffer.subarray(0, filled));
      } finally {
        await handle.close();
      }
    },
    async *chunks(): AsyncGenerator<Uint8Array> {
      const handle = await open(absPath, 'r');
      try {
        // Small first: a log's header is a few KB, so reading stops long before a full chunk.
        for (let position = 0, size = FIRST_CHUNK_SIZE; ; size = Math.min(size * 4, CHUNK_SIZE)) {
          const buffer = new Uint8Array(size);
          const { bytesRead } = await handle.read(buffer, 0, size, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
        }
      } finally {
        await handle.close(); // also runs when the consumer stops early
      }
    },
  };
}

/** Bytes already in memory (tests, archive members). `chunkSize` sets the streaming granularity. */
export function fileSourceFromBytes(
  path: string,
  bytes: Uint8Array,
  chunkSize = CHUNK_SIZE,
): FileSource {
  return {
    path,
    size: bytes.length,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.max(0, Math.min(offset, bytes.length));
      return bytes.slice(start, Math.min(bytes.length, start + Math.max(0, length)));
    },
    async *chunks(): AsyncGenerator<Uint8Array> {
      for (let position = 0; position < bytes.length; position += chunkSize) {
        yield bytes.subarray(position, position + chunkSize);
      }
    },
  };
}
