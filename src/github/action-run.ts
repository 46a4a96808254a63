import { SettingsError } from '../run/parse.js';
import type { RunPorts } from '../run/ports.js';
import type { RunContext } from './context.js';
import type { ActionSettings } from './inputs.js';

/** One run of the action as the runner starts it: what the entry hands to each command's module. */
export interface ActionRun {
  settings: ActionSettings;
  context: RunContext;
  ports: RunPorts;
}

/** The org and its credentials, which every command but validate needs. */
export function requireOkta(settings: ActionSettings, command: string) {
  if (!settings.okta) {
    throw new SettingsError(
      `\`${command}\` needs \`okta-org-url\` and one Okta auth method (\`okta-api-token\`, or \`okta-client-id\` with \`okta-private-key\`).`,
    );
  }
  return settings.okta;
}
