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

/**
 * Parses the batch output stream: `<id> <type> <size>\n<bytes>\n`, or `<id> missing\n`. Each
 * blob's bytes are copied once into an array of its size, whatever the chunks they arrive in.
 */
class BatchParser {
  /** The header line read so far. */
  private header: Buffer[] = [];
  /** The blob being filled, and how much of it is; then the newline after it is skipped. */
  private body: { bytes: Uint8Array; filled: number } | null = null;
  private skipNewline = false;
  constructor(private readonly queue: Pending[]) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        at++;
      } else if (this.body) at = this.fill(chunk, at);
      else {
        const newline = chunk.indexOf(10, at);
        if (newline < 0) {
          this.header.push(chunk.subarray(at));
          return;
        }
        this.header.push(chunk.subarray(at, newline));
        at = newline + 1;
        this.startAnswer(Buffer.concat(this.header).toString('utf8'));
        this.header = [];
      }
    }
  }

  private startAnswer(line: string): void {
    const [, type, size] = line.split(' ');
    const pending = this.queue[0];
    if (!pending) throw new Error(`git cat-file answered what was not asked: ${line}`);
    if (type === 'missing' || size === undefined) {
      this.queue.shift();
      pending.reject(new Error(`git cat-file: blob ${pending.id} is missing`));
      return;
    }
    this.body = { bytes: new Uint8Array(Number(size)), filled: 0 };
    if (this.body.bytes.length === 0) this.finish();
  }

  private fill(chunk: Buffer, at: number): number {
    const body = this.body!;
    const take = Math.min(body.bytes.length - body.filled, chunk.length - at);
    body.bytes.set(chunk.subarray(at, at + take), body.filled);
    body.filled += take;
    if (body.filled === body.bytes.length) this.finish();
    return at + take;
  }

  private finish(): void {
    const { bytes } = this.body!;
    this.body = null;
    this.skipNewline = true;
    this.queue.shift()!.resolve(bytes);
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

/** Runs git in `cwd` with `input` on its standard input; answers its standard output. */
function runGitWithInput(cwd: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`git ${args[0]} failed: ${err.trim() || `exit ${code}`}`)),
    );
    child.stdin.end(input);
  });
}

/** More changed files than this between two commits: the second is listed whole instead. */
const MAX_CHANGED_FILES = 5000;

/**
 * The files of commit `to` under `prefix`, from those of commit `from` (`before`, as
 * `listCommitFiles` gave them) and what `git diff-tree` says differs: listing a commit costs what
 * it changes. Entries that did not change are the same objects as before.
 */
export async function updateCommitFiles(
  top: string,
  from: string,
  to: string,
  prefix: string,
  before: TreeEntry[],
): Promise<TreeEntry[]> {
  const args = ['diff-tree', '-r', '-z', '--no-renames', '--raw', from, to];
  if (prefix !== '') args.push('--', prefix);
  const fields = (await runGit(top, args)).toString('utf8').split('\0');
  const gone = new Set<string>();
  const added: { path: string; mode: string; id: string }[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
    const [, mode, , id, status] = fields[i]!.slice(1).split(' ');
    const full = fields[i + 1]!;
    if (!full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    gone.add(path);
    if (status !== 'D' && mode !== SUBMODULE_MODE && mode !== '000000')
      added.push({ path, mode: mode!, id: id! });
  }
  if (added.length > MAX_CHANGED_FILES) return listCommitFiles(top, to, prefix);
  const sizes = await blobSizes(
    top,
    added.map((a) => a.id),
  );
  const files = before.filter((e) => !gone.has(e.path));
  for (const { path, mode, id } of added)
    files.push({
      path,
      kind: mode === SYMLINK_MODE ? 'symlink' : 'file',
      size: sizes.get(id)!,
      id,
    });
  return files;
}

/** Blob sizes by id, from one `git cat-file --batch-check`. */
async function blobSizes(top: string, ids: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (ids.length === 0) return sizes;
  const output = await runGitWithInput(top, ['cat-file', '--batch-check'], `${ids.join('\n')}\n`);
  for (const line of output.split('\n')) {
    const [id, type, size] = line.split(' ');
    if (type === 'blob') sizes.set(id!, Number(size));
  }
  for (const id of ids) if (!sizes.has(id)) throw new Error(`git cat-file: blob ${id} is missing`);
  return sizes;
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
