/**
 * The options several commands share, each declared once so that their spelling, help text and
 * parsing cannot drift apart between commands: `--data`, `--kind`, `--script`, `--templates` and
 * `--out`. (`--format` means a different thing to each command that has one.)
 */
import { Option } from 'commander';
import { collect, kindHelp } from './report-options.js';

const DATA = '数据文件夹（默认为 report.yaml 中的 data，或当前文件夹下的 data/）';

export const sharedOptions = {
  /** `--data <dir>`: once, or (for a report) as often as there are organisations to compile. */
  data: (several: boolean) => {
    const option = new Option('-d, --data <dir>', several ? `${DATA}；写几次就是几个组织的综述汇编` : DATA);
    return several ? option.argParser(collect) : option;
  },
  /** `--kind <kind>`: which report. */
  kind: (fallback?: string) => {
    const option = new Option('-k, --kind <kind>', `报告类型：${kindHelp()}${fallback === undefined ? '；默认 annual' : ''}`);
    return fallback === undefined ? option : option.default(fallback);
  },
  script: () => new Option('--script <script>', '字形：hans（简体，默认）、hant（繁体，数字不变）'),
  templates: () => new Option('-t, --templates <dir>', '覆盖内置模板的文件夹，只需放要改的片段（默认为 report.yaml 中的 templates）'),
  out: (description: string, fallback?: string) => {
    const option = new Option('-o, --out <dir>', description);
    return fallback === undefined ? option : option.default(fallback);
  },
};
