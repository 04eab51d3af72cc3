/**
 * A commit of a local git repository as a RepositoryTree: its files listed by `git ls-tree`, their
 * bytes read through one long-lived `git cat-file --batch` process shared by every commit judged.
 * Each entry carries its blob id, so a parse cache can tell an unchanged file from a changed one.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { fileSourceFromBytes } from '../readers/file-source.js';
import { createPathIndex } from '../repository/globs.js';
import type { RepositoryTree, TreeEntry } from '../repository/tree.js';

/** ls-tree of a 20,000-file commit is a few MB; logs of long histories more. */
const MAX_OUTPUT_BYTES = 1 << 30;

/** Runs git in `cwd` and answers its standard output, or rejects with its standard error. */
export function runGit(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES },
      (error, stdout, stderr) => {
        if (error) {
          const said = stderr.toString('utf8').trim();
          reject(new Error(`git ${args[0]} failed${said ? `: ${said}` : `: ${error.message}`}`));
        } else resolve(stdout);
      },
    );
  });
}

/** Blobs by id from one `git cat-file --batch`; requests are answered in the order they were sent. */
export interface BlobReader {
  read(id: string): Promise<Uint8Array>;
  /** Ends the process; pending and later reads reject. */
  close(): void;
}

interface Pending {
  id: string;
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

/** Parses the batch output stream: `<id> <type> <size>\n<bytes>\n`, or `<id> missing\n`. */
class BatchParser {
  private buffered: Buffer = Buffer.alloc(0);
  constructor(private readonly queue: Pending[]) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.next());
  }

  /** Answers the oldest request when its whole answer has arrived; false when more is needed. */
  private next(): boolean {
    const newline = this.buffered.indexOf(10);
    if (newline < 0) return false;
    const header = this.buffered.subarray(0, newline).toString('utf8').split(' ');
    const pending = this.queue[0];
    if (!pending) throw new Error(`git cat-file answered what was not asked: ${header.join(' ')}`);
    if (header[1] === 'missing' || header.length < 3) {
      this.queue.shift();
      this.buffered = this.buffered.subarray(newline + 1);
      pending.reject(new Error(`git cat-file: blob ${pending.id} is missing`));
      return true;
    }
    const size = Number(header[2]);
    const end = newline + 1 + size;
    if (this.buffered.length < end + 1) return false;
    this.queue.shift();
    // A copy: the batch buffer is released once its blobs are answered.
    const bytes = new Uint8Array(this.buffered.subarray(newline + 1, end));
    this.buffered = this.buffered.subarray(end + 1);
    pending.resolve(bytes);
    return true;
  }
}

/**
 * Starts `git cat-file --batch` in `cwd`. `onRead` is told of every blob read (tests count them).
 */
export function startBlobReader(cwd: string, onRead?: (id: string) => void): BlobReader {
  const child: ChildProcessWithoutNullStreams = spawn('git', ['cat-file', '--batch'], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const queue: Pending[] = [];
  const parser = new BatchParser(queue);
  let failure: Error | null = null;
  let stderr = '';
  const failAll = (error: Error) => {
    failure ??= error;
    for (const pending of queue.splice(0)) pending.reject(failure);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    try {
      parser.push(chunk);
    } catch (error) {
      failAll(error as Error);
      child.kill();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.on('error', (error) =>
    failAll(new Error(`git cat-file could not start: ${error.message}`)),
  );
  child.on('close', (code) =>
    failAll(new Error(`git cat-file ended (${code ?? 'killed'})${stderr ? `: ${stderr}` : ''}`)),
  );
  child.stdin.on('error', () => {}); // a write after the end: the close handler rejects
  return {
    read(id) {
      if (failure) return Promise.reject(failure);
      if (!/^[0-9a-f]{40,64}$/.test(id)) return Promise.reject(new Error(`not a blob id: ${id}`));
      onRead?.(id);
      return new Promise((resolve, reject) => {
        queue.push({ id, resolve, reject });
        child.stdin.write(`${id}\n`);
      });
    },
    close() {
      failAll(new Error('git cat-file was closed'));
      child.stdin.end();
      child.kill();
    },
  };
}

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';

/**
 * The files of commit `sha` under `prefix` (`''`, or `dir/` as `git rev-parse --show-prefix`
 * prints it), paths relative to the prefix. Submodules are skipped; links are kind `symlink`.
 */
export async function listCommitFiles(
  top: string,
  sha: string,
  prefix: string,
): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-l', '-z', sha];
  if (prefix !== '') args.push('--', prefix);
  const output = (await runGit(top, args)).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const line of output.split('\0')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const [mode, type, id, size] = line.slice(0, tab).split(/ +/);
    const full = line.slice(tab + 1);
    if (mode === SUBMODULE_MODE || type !== 'blob' || !full.startsWith(prefix)) continue;
    entries.push({
      path: full.slice(prefix.length),
      kind: mode === SYMLINK_MODE ? 'symlink' : 'file',
      size: Number(size),
      id: id!,
    });
  }
  return entries;
}

/** A commit's files as a RepositoryTree whose files are read from `blobs`. */
export function createGitTree(
  label: string,
  files: TreeEntry[],
  blobs: BlobReader,
): RepositoryTree {
  const index = createPathIndex(files);
  const byPath = new Map(index.sorted.map((e) => [e.path, e]));
  return {
    label,
    async list(dir) {
      return index.under(dir);
    },
    async stat(path) {
      return byPath.get(path) ?? null;
    },
    async open(path) {
      const entry = byPath.get(path);
      if (!entry?.id) throw new Error(`${label}: no file ${path}`);
      return fileSourceFromBytes(path, await blobs.read(entry.id));
    },
  };
}
