/**
 * What the builds of one process (build --watch, preview) keep between them: files parsed and
 * templates compiled, by their exact text, so a save that changes one file re-reads only that
 * file. Held in memory only, for the life of the process; each build keeps what it used and
 * drops the rest, so a long session does not grow. A one-shot command has no session.
 */
import { createHash } from 'node:crypto';

export class Memo<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();

  get(key: string, make: () => T): T {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) value = make();
    this.current.set(key, value);
    return value;
  }

  /** A build is over: what it did not use is forgotten. */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export class BuildSession {
  readonly files = new Memo<unknown>();
  readonly templates = new Memo<unknown>();

  settle(): void {
    this.files.settle();
    this.templates.settle();
  }
}

/** A key for bytes (a workbook): its digest, not its content. */
export function digest(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url');
}
