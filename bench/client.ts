/**
 * The measured process: loads the definitions through the real path, then plans and applies against the
 * sim when the bench says so, each phase with a fresh OktaClient (cold pacer, as a new run starts).
 * Runs in its own process so its peak memory is the action's work alone, not the sim's.
 */
import { applyPlan } from '../src/resources/connection/apply.js';
import { resolveDefinitions, type ResolvedConnection } from '../src/definitions/env.js';
import { hasErrors, loadDefinitions } from '../src/definitions/load.js';
import { OktaClient } from '../src/okta/client.js';
import type { Plan } from '../src/plan/model.js';
import { planConnections } from '../src/plan/plan.js';
import { renderPlanMarkdown } from '../src/render/plan-markdown.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT } from '../src/github/limits.js';
import { renderPlanText } from '../src/render/plan-text.js';
import { prepareDefinitions } from '../src/run/validate.js';
import { SecretRegistry } from '../src/secrets.js';
import { DEFINITION_ENV } from './definitions.js';
import { applyRequestsOf } from './demand.js';
import type {
  ChildMessage,
  ClientInit,
  ParentMessage,
  PhaseResult,
  ScaleRequest,
  ScaleResult,
  StepTime,
} from './protocol.js';

const PATH = 'okta/connections';
const RSS_SAMPLE_MS = 10;

let init: ClientInit | undefined;
let connections: ResolvedConnection[] = [];
let plan: Plan | undefined;

function send(message: ChildMessage): void {
  process.send!(message);
}

function newClient(secrets: SecretRegistry): OktaClient {
  return new OktaClient({
    orgUrl: init!.url,
    credentials: { kind: 'api-token', token: init!.apiToken },
    secrets,
    rateLimitShare: init!.share,
    maxConcurrency: init!.maxConcurrency,
  });
}

/** Runs `work` with a fresh client, timing it and sampling the resident set size. */
async function phase<T>(
  work: (client: OktaClient) => Promise<T>,
): Promise<{ value: T; result: PhaseResult }> {
  const client = newClient(new SecretRegistry());
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  const startedAt = Date.now();
  try {
    const value = await work(client);
    const endedAt = Date.now();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { value, result: { startedAt, endedAt, startRss, peakRss } };
  } finally {
    clearInterval(sampler);
    await client.close();
  }
}

/** Runs `work`, returning its value and its wall and CPU time. */
async function step<T>(work: () => Promise<T> | T): Promise<{ value: T; time: StepTime }> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await work();
  const cpu = process.cpuUsage(cpuStart);
  return { value, time: { wallMs: performance.now() - wallStart, cpuMs: (cpu.user + cpu.system) / 1000 } };
}

/** What `plan` does in the action, step by step: definitions, live reads, reports, plan file. */
async function scale(request: ScaleRequest): Promise<ScaleResult> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  const secrets = new SecretRegistry();
  const settings = { path: PATH, workspace: request.workspace, visibleEnv: [] };
  const client = new OktaClient({
    orgUrl: request.url,
    credentials: { kind: 'api-token', token: request.apiToken },
    secrets,
    maxConcurrency: request.maxConcurrency,
    readOnly: true,
  });
  try {
    const load = await step(() => prepareDefinitions(settings, { env: request.env, secrets }));
    if (!load.value.ok) throw new Error(`bench definitions invalid: ${load.value.problems[0]?.message}`);
    const { connections } = load.value;
    const planned = await step(() =>
      planConnections(client, connections, { orgUrl: request.url, path: PATH, env: request.env }),
    );
    const plan = planned.value;
    const report = { state: 'planned' as const, headSha: '0123456789abcdef0123456789abcdef01234567' };
    const render = await step(() =>
      [
        renderPlanMarkdown(plan, report, SUMMARY_LIMIT),
        renderPlanMarkdown(plan, report, COMMENT_LIMIT, '<!-- okta-app-connections -->\n'),
        renderPlanText(plan),
      ].map((text) => secrets.redact(text).length),
    );
    const planFile = await step(() => secrets.redact(JSON.stringify(plan, null, 2)).length);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (plan.counts.errors > 0) throw new Error(`${plan.counts.errors} connections could not be planned`);
    return {
      type: 'scaled',
      connections: plan.counts.total,
      secrets: secrets.size,
      load: load.time,
      plan: planned.time,
      render: render.time,
      planFile: planFile.time,
      startRss,
      peakRss,
    };
  } finally {
    clearInterval(sampler);
    await client.close();
  }
}

async function handle(message: ParentMessage): Promise<void> {
  switch (message.type) {
    case 'scale':
      send(await scale(message));
      return;
    case 'init': {
      init = message;
      const loaded = await loadDefinitions(PATH, message.workspace);
      if (hasErrors(loaded.problems))
        throw new Error(`bench definitions invalid: ${loaded.problems[0]?.message}`);
      const resolved = resolveDefinitions(loaded.definitions, DEFINITION_ENV);
      connections = resolved.connections;
      send({ type: 'ready', definitions: connections.length });
      return;
    }
    case 'plan': {
      const { value, result } = await phase((client) =>
        planConnections(client, connections, { orgUrl: init!.url, path: PATH, env: DEFINITION_ENV }),
      );
      plan = value;
      send({
        type: 'plan',
        ...result,
        connections: value.counts.total,
        changes: value.connections.filter((c) => c.operations.length > 0).length,
        errors: value.counts.errors,
        applyRequests: value.connections.reduce((sum, c) => sum + applyRequestsOf(c), 0),
      });
      return;
    }
    case 'apply': {
      const { value, result } = await phase((client) =>
        applyPlan(client, plan!, connections, { env: DEFINITION_ENV, secrets: new SecretRegistry() }),
      );
      send({ type: 'apply', ...result, applied: value.applied, failed: value.failed });
      return;
    }
    case 'exit':
      process.disconnect();
      return;
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
