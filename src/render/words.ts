import type { ChangeOrigin } from '../plan/model.js';

/**
 * The small pieces every rendering is made of, the resources' render parts included. This module knows no
 * resource, so a resource's render.ts builds on it while describe.ts and the reports import the resources'
 * render parts, without an import cycle.
 */

/** How a rendering shows untrusted text: `quote` as code, `text` as plain words. */
export interface Quoting {
  quote: (text: string) => string;
  text: (text: string) => string;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const DRIFT_TEXT = 'changed in Okta outside this repository';

export function isDrift(change: { origin?: ChangeOrigin }): boolean {
  return change.origin === 'drift';
}

/**
 * `field: before → after`, then what the resource adds (`suffix`). Only drift is marked (`markDrift`): most
 * changes come from the pull request, and marking those too would bury the few that someone made in Okta.
 */
export function changeLine(
  change: { field: string; before: string | null; after: string | null; origin?: ChangeOrigin },
  quote: (text: string) => string,
  markDrift: boolean,
  suffix = '',
): string {
  const origin = markDrift && isDrift(change) ? ` · ${DRIFT_TEXT}` : '';
  return `${change.field}: ${change.before === null ? 'not set' : quote(change.before)} → ${change.after === null ? 'not set' : quote(change.after)}${suffix}${origin}`;
}
