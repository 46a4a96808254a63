import { describe, expect, it } from 'vitest';
import { routeEvent, type CommandInput, type EventInfo } from '../src/github/events.js';

const main = 'refs/heads/main';
const event = (eventName: string, extra: Partial<EventInfo> = {}): EventInfo => ({
  eventName,
  ref: main,
  defaultBranch: 'main',
  ...extra,
});

describe('routeEvent: which command an event runs', () => {
  const rows: [string, CommandInput, EventInfo, string][] = [
    [
      'a PR opened plans',
      'auto',
      event('pull_request', { action: 'opened', ref: 'refs/pull/1/merge' }),
      'plan',
    ],
    [
      'a PR push plans',
      'auto',
      event('pull_request', { action: 'synchronize', ref: 'refs/pull/1/merge' }),
      'plan',
    ],
    ['ready_for_review plans', 'auto', event('pull_request', { action: 'ready_for_review' }), 'plan'],
    ['a closed PR only validates', 'auto', event('pull_request', { action: 'closed' }), 'validate'],
    ['a labelled PR only validates', 'auto', event('pull_request', { action: 'labeled' }), 'validate'],
    [
      'explicit plan on a closed PR only validates',
      'plan',
      event('pull_request', { action: 'closed' }),
      'validate',
    ],
    ['a push to the default branch applies', 'auto', event('push'), 'apply'],
    ['a push to another branch validates', 'auto', event('push', { ref: 'refs/heads/feature' }), 'validate'],
    ['a tag push validates', 'auto', event('push', { ref: 'refs/tags/v1.0.0' }), 'validate'],
    ['a branch deletion validates', 'auto', event('push', { deleted: true }), 'validate'],
    ['schedule plans', 'auto', event('schedule'), 'plan'],
    ['dispatch plans', 'auto', event('workflow_dispatch'), 'plan'],
    ['merge_group validates', 'auto', event('merge_group'), 'validate'],
    ['issue_comment validates', 'auto', event('issue_comment', { action: 'created' }), 'validate'],
    ['release validates', 'auto', event('release', { action: 'published' }), 'validate'],
    ['dispatch apply on the default branch applies', 'apply', event('workflow_dispatch'), 'apply'],
    ['export runs anywhere', 'export', event('workflow_dispatch', { ref: 'refs/heads/x' }), 'export'],
    ['validate runs anywhere', 'validate', event('pull_request_review'), 'validate'],
  ];
  it.each(rows)('%s', (_name, input, info, command) => {
    const route = routeEvent(input, info);
    expect('command' in route && route.command).toBe(command);
    if (command === 'validate' && input !== 'validate') {
      expect('command' in route && route.notice).toMatch(/nothing was read from Okta and no comment changed/);
    }
  });

  const refusals: [string, CommandInput, EventInfo, RegExp][] = [
    [
      'pull_request_target, whatever the command',
      'auto',
      event('pull_request_target', { action: 'opened' }),
      /pull_request_target` is refused/,
    ],
    [
      'pull_request_target even for validate',
      'validate',
      event('pull_request_target'),
      /pull_request_target` is refused/,
    ],
    [
      'apply from a feature branch',
      'apply',
      event('workflow_dispatch', { ref: 'refs/heads/some-feature' }),
      /only from the default branch \(main\).*refs\/heads\/some-feature/,
    ],
    [
      'apply on a pull request',
      'apply',
      event('pull_request', { action: 'opened', ref: 'refs/pull/3/merge' }),
      /only from the default branch/,
    ],
    [
      'apply when the payload names no default branch',
      'apply',
      event('workflow_dispatch', { defaultBranch: undefined }),
      /only from the default branch/,
    ],
    ['apply on schedule', 'apply', event('schedule'), /refused on `schedule`/],
  ];
  it.each(refusals)('refuses %s', (_name, input, info, message) => {
    const route = routeEvent(input, info);
    expect('refused' in route && route.refused).toMatch(message);
  });
});
