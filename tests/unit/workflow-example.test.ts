import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture.js';

describe('examples/github-workflow/report-validate.yml', () => {
  const text = readFileSync(path.join(ROOT, 'examples', 'github-workflow', 'report-validate.yml'), 'utf8');
  const workflow = yaml.load(text) as {
    on: { pull_request: { paths: string[] } };
    jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
  };

  it('runs report validate with GitHub annotations on pull requests that touch data files', () => {
    expect(text.split('\n')[0]).toMatch(/^# 检查报告数据/);
    expect(workflow.on.pull_request.paths).toContain('data/**');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci --no-audit --no-fund',
      'npx report validate --format github',
    ]);
    expect(steps[1]!.with?.['node-version']).toBe(20);
  });
});
