/**
 * What the builds of one process (build --watch, preview) keep between them: files parsed and
 * templates compiled, by their exact text, so a save that changes one file re-reads only that
 * file. Held in memory only, for the life of the process; each build keeps what it used and
 * drops the rest, so a long session does not grow. A one-shot command has no session.
 */
class Memo<T> {
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
  private readonly memos: Array<Memo<unknown>> = [];

  /**
   * `readsFilesOnce`: the session's builds look at the files at one moment (validate checking the
   * reports of a year), so each file is read once for all of them (load/text-file.ts, readInSession);
   * a watch or preview session reads them again for each build, to see what was saved.
   */
  constructor(readonly options: { readsFilesOnce?: boolean } = {}) {}

  /** A new memo kept by this session, for values of one type (the module that makes them keeps it: `sessionMemo`). */
  memo<T>(): Memo<T> {
    const memo = new Memo<T>();
    this.memos.push(memo);
    return memo;
  }

  settle(): void {
    for (const memo of this.memos) memo.settle();
  }
}

/**
 * A memo of `T` in each session, for the module that makes the values: `const parsed =
 * sessionMemo<ParsedYaml>()`, then `parsed(session).get(key, make)`. Each module has its own, so a
 * value comes back with the type it was made with.
 */
export function sessionMemo<T>(): (session: BuildSession) => Memo<T> {
  const bySession = new WeakMap<BuildSession, Memo<T>>();
  return (session) => {
    let memo = bySession.get(session);
    if (!memo) {
      memo = session.memo<T>();
      bySession.set(session, memo);
    }
    return memo;
  };
}
