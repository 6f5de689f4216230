/** The project file (report.yaml) for a command: its settings, or its problems printed and nothing. */
import type { Settings } from '../settings.js';
import { printDiagnostics, type Io } from './shared.js';

/** Imported when a command runs: reading report.yaml takes the YAML reader and the schema library, which --help and --version do without. */
export async function loadSettingsOrFail(io: Io): Promise<Settings | undefined> {
  const { loadSettings } = await import('./library.js');
  const { settings, diagnostics } = loadSettings(io.cwd);
  if (diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(diagnostics, 'text', io);
    return undefined;
  }
  return settings;
}
