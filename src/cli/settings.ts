/** The project file (report.yaml) for a command: its settings, or its problems printed and nothing. */
import { loadSettings, type Settings } from '../settings.js';
import { printDiagnostics, type Io } from './shared.js';

export function loadSettingsOrFail(io: Io): Settings | undefined {
  const { settings, diagnostics } = loadSettings(io.cwd);
  if (diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(diagnostics, 'text', io);
    return undefined;
  }
  return settings;
}
