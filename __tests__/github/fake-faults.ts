/**
 * Faults a test injects into the fake GitHub: an answer instead of the real one, a connection
 * reset, or a request never answered. A repository's state holds one queue (requests to that
 * repository); the App host holds another (every request it serves, `/app…` ones included).
 */
import type { FaultSpec } from './fake-records.js';

/** What the server asks before answering a request. */
export interface FaultSource {
  /** true: leave the request unanswered (a timeout, from the client's side) */
  takeHang(pathname: string): boolean;
  /** true: destroy the connection without an answer */
  takeReset(pathname: string): boolean;
  /** an answer to send instead of the real one */
  takeFault(method: string, pathname: string): FaultSpec | undefined;
}

export class FaultQueue implements FaultSource {
  private readonly faults: (FaultSpec & { remaining: number })[] = [];
  private readonly resets: { path: RegExp; remaining: number }[] = [];
  private readonly hangs: { path: RegExp; remaining: number }[] = [];

  /** The next `times` requests matching `method` and `path` get this answer instead. */
  failNext(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** The next request whose pathname matches has its connection destroyed, unanswered. */
  resetConnectionNext(path: RegExp): void {
    this.resets.push({ path, remaining: 1 });
  }

  /** The next request whose pathname matches is never answered (a timeout, from the client's side). */
  hangNext(path: RegExp): void {
    this.hangs.push({ path, remaining: 1 });
  }

  takeHang(pathname: string): boolean {
    const hang = this.hangs.find((h) => h.remaining > 0 && h.path.test(pathname));
    if (hang) hang.remaining--;
    return hang !== undefined;
  }

  takeReset(pathname: string): boolean {
    const reset = this.resets.find((r) => r.remaining > 0 && r.path.test(pathname));
    if (reset) reset.remaining--;
    return reset !== undefined;
  }

  takeFault(method: string, pathname: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        f.path.test(pathname),
    );
    if (fault) fault.remaining--;
    return fault;
  }
}
