/**
 * The example workflows users copy and the repository's own: the rules of the security model hold in the
 * files themselves (pinned actions, least permissions, the events that may plan, the checkout depth that
 * targeted plans need).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/run-action.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  jobs: Record<string, Job>;
}

const OUR_ACTION = 'okta-app-connections/okta-app-connections@';

function workflows(folder: string): [string, Workflow][] {
  const dir = path.join(REPO_ROOT, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => [`${folder}/${name}`, parse(readFileSync(path.join(dir, name), 'utf8')) as Workflow]);
}

const examples = workflows('examples/workflows');
const all = [...examples, ...workflows('.github/workflows')];
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('workflows', () => {
  it('finds the example and repository workflows', () => {
    expect(examples.map(([name]) => path.basename(name)).sort()).toEqual([
      'okta-apply.yml',
      'okta-dispatch.yml',
      'okta-drift.yml',
      'okta-multi-org.yml',
      'okta-plan.yml',
    ]);
    expect(all.length).toBeGreaterThan(examples.length);
  });

  it.each(all)(
    '%s pins every third-party action by full commit SHA with its version in a comment',
    (name) => {
      const text = readFileSync(path.join(REPO_ROOT, name), 'utf8');
      const uses = [...text.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, action, rest] of uses) {
        if (action!.startsWith(OUR_ACTION)) continue;
        expect(action, name).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
        expect(rest, `${name}: ${action}`).toMatch(/#\s*v\d+\.\d+\.\d+/);
      }
    },
  );

  it.each(all)('%s grants permissions at the top, none of them write-all', (_name, workflow) => {
    expect(workflow.permissions).toBeDefined();
    for (const level of Object.values(workflow.permissions ?? {}))
      expect(['read', 'write', 'none']).toContain(level);
  });

  it.each(examples)('%s checks out two commits and never pull_request_target', (_name, workflow) => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    const checkouts = steps(workflow).filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with?.['fetch-depth']).toBe(2);
    expect(checkouts[0]?.with?.['persist-credentials']).toBe(false);
    expect(steps(workflow).some((step) => step.uses?.startsWith(OUR_ACTION))).toBe(true);
  });

  it('plans pull requests when opened, pushed or reopened, never when closed, the newest push winning', () => {
    const [, plan] = examples.find(([name]) => name.endsWith('/okta-plan.yml'))!;
    expect(plan.on.pull_request?.types).toEqual(['opened', 'synchronize', 'reopened']);
    expect(plan.concurrency).toEqual({
      group: 'okta-plan-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
    expect(plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('never cancels an apply half-way', () => {
    for (const [, workflow] of examples.filter(([name]) => /apply|dispatch/.test(name))) {
      expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    }
  });
});
