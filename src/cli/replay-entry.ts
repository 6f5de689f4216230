/**
 * What bin/report.js tries before it loads the tool: giving again the messages and exit code of
 * an identical earlier run (cache/replay.ts). Only this module and what it imports are loaded
 * for that, so trying costs a few milliseconds.
 */
import { replay, settingOf } from '../cache/replay.js';
import { endQuietlyOnBrokenPipe } from './pipes.js';

/** The replayed run's exit code, after its messages; undefined when the run has to be made. */
export function replayRun(argv: readonly string[]): number | undefined {
  const record = replay(settingOf(argv));
  if (!record) return undefined;
  endQuietlyOnBrokenPipe();
  for (const [stream, text] of record.transcript) (stream === 1 ? process.stdout : process.stderr).write(text);
  return record.exitCode;
}
