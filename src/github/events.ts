import type { Command, CommandInput } from './inputs.js';

export interface EventInfo {
  eventName: string;
  ref: string;
  /** From the event payload's repository; undefined when the payload has none. */
  defaultBranch?: string;
  pullRequestNumber?: number;
}

/** CONTRACT section 5: which command `auto` means for this event. */
export function resolveCommand(input: CommandInput, event: EventInfo): Command {
  if (input !== 'auto') return input;
  if (event.eventName === 'pull_request' || event.eventName === 'pull_request_target') return 'plan';
  if (
    event.eventName === 'push' &&
    event.defaultBranch &&
    event.ref === `refs/heads/${event.defaultBranch}`
  ) {
    return 'apply';
  }
  return 'plan';
}

export function isPullRequestEvent(event: EventInfo): boolean {
  return event.eventName === 'pull_request' || event.eventName === 'pull_request_target';
}
