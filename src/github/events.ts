/**
 * Which command an event runs. Only a reviewable pull request event plans with a comment, only a push to the
 * default branch (or a run by hand on it) applies; everything else validates without reading Okta.
 */
import type { Command } from '../run/settings.js';

export type CommandInput = Command | 'auto';

export interface EventInfo {
  eventName: string;
  /** The event payload's `action` (`opened`, `closed`, …), when it has one. */
  action?: string;
  ref: string;
  /** The repository's default branch, from the event payload. */
  defaultBranch?: string;
  pullRequestNumber?: number;
  /** A push that deleted its branch or tag. */
  deleted?: boolean;
}

/** Pull request activities that show new code to review. */
const REVIEWABLE_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'edited', 'ready_for_review']);

export type Route =
  | { command: Command; notice?: string }
  /** Refused before anything is read: the message says why and what to do instead. */
  | { refused: string };

export function routeEvent(input: CommandInput, event: EventInfo): Route {
  if (event.eventName === 'pull_request_target') {
    return {
      refused:
        "`pull_request_target` is refused: it runs with secrets on the base branch, so the plan would not be the pull request's, and checking out the pull request there would hand its code your Okta credentials. Run this action on `pull_request`.",
    };
  }
  if (input === 'validate' || input === 'export') return { command: input };
  const onDefaultBranch = isDefaultBranch(event);
  if (input === 'apply') {
    if (event.eventName === 'schedule') {
      return {
        refused:
          '`command: apply` is refused on `schedule`: scheduled runs only check for drift and never write to Okta. Use `command: plan` with `drift-issue: true`.',
      };
    }
    if (!onDefaultBranch || !['push', 'workflow_dispatch'].includes(event.eventName)) {
      return {
        refused: `\`command: apply\` writes to Okta only from the default branch${event.defaultBranch ? ` (${event.defaultBranch})` : ''}: on a push that merges a pull request into it, or by hand (workflow_dispatch) on it. This run is \`${event.eventName}\` on ${event.ref || 'no ref'}; nothing was read or written.`,
      };
    }
    return { command: 'apply' };
  }
  const validateOnly = validateOnlyReason(event, onDefaultBranch);
  if (validateOnly) return { command: 'validate', notice: validateOnly };
  if (input === 'plan') return { command: 'plan' };
  return { command: event.eventName === 'push' ? 'apply' : 'plan' };
}

/** Why this event only validates, whatever the command: nothing in it is worth reading the org for. */
function validateOnlyReason(event: EventInfo, onDefaultBranch: boolean): string | undefined {
  const only = 'the definitions were validated; nothing was read from Okta and no comment changed.';
  switch (event.eventName) {
    case 'pull_request':
      return REVIEWABLE_ACTIONS.has(event.action ?? '')
        ? undefined
        : `Pull request event \`${event.action ?? 'unknown'}\` shows no new code to review: ${only}`;
    case 'schedule':
    case 'workflow_dispatch':
      return undefined;
    case 'push':
      if (event.deleted) return `This push deleted ${event.ref}: ${only}`;
      if (!onDefaultBranch) {
        return `Only a push to the default branch${event.defaultBranch ? ` (${event.defaultBranch})` : ''} applies; this push is to ${event.ref || 'an unknown ref'}: ${only}`;
      }
      return undefined;
    default:
      return `Event \`${event.eventName}\` neither proposes nor merges a change: ${only} Plans run on \`pull_request\`, \`push\` to the default branch, \`schedule\` and \`workflow_dispatch\`.`;
  }
}

function isDefaultBranch(event: EventInfo): boolean {
  return Boolean(event.defaultBranch) && event.ref === `refs/heads/${event.defaultBranch}`;
}

/** The events whose plan becomes the pull request's sticky comment. */
export function isPullRequestEvent(event: EventInfo): boolean {
  return event.eventName === 'pull_request';
}
