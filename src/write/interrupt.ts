/**
 * What to undo when a run is interrupted (SIGINT, SIGTERM): each module that leaves something
 * behind while it works (write/atomic.ts: temporary files, a set half written, locks) registers
 * its clean-up here when it is loaded, so the command line's signal handler reaches it without
 * loading the writers (and Node's file-promise module) for commands that write nothing.
 */
const cleanUps = new Set<() => void>();

export function onInterrupt(cleanUp: () => void): void {
  cleanUps.add(cleanUp);
}

/** Runs every registered clean-up; synchronous, for a signal handler. */
export function cleanUpInterrupted(): void {
  for (const cleanUp of cleanUps) cleanUp();
}
