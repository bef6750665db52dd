// The load of a contention run: signed requests at steady rates, as Slack would send them while
// an office works - button clicks (mark started / mark done on real items) and slash commands
// (`/reform` reads and `/reform update` writes) - each timed from sending to the HTTP answer,
// which is the acknowledgement Slack waits 3 seconds for. Requests are fired on schedule, never
// held back by slow answers (Slack does not wait either).

import { ACTIONS, encodeItemButton } from '../src/blocks/ids.ts';
import { blockActions, slashCommand } from '../test/support/payloads.ts';
import { signSlackRequest } from '../test/support/signedRequest.ts';
import type { TargetSource, WriteTarget } from './targets.ts';

export type RequestKind = 'click' | 'update' | 'read';

export interface SentRequest {
  kind: RequestKind;
  /** The response_url id: answers posted there belong to this request. */
  id: string;
  /** The item_history request key an applied write leaves (`action:<ts>`, `cmd:<trigger_id>`). */
  requestKey?: string;
  itemId?: number;
  text?: string;
  /** Wall-clock epoch ms when it was sent. */
  sentAt: number;
  /** From sending to the end of the HTTP answer; undefined when no answer came. */
  latencyMs?: number;
  status?: number;
  error?: string;
}

export interface LoadPlan {
  baseUrl: string;
  signingSecret: string;
  clickRate: number;
  commandRate: number;
  updateShare: number;
  targets: TargetSource;
  responseUrl(id: string): string;
  /** Load stops when this resolves true at a check (once a second). */
  shouldStop(): boolean;
}

/**
 * Slack gives up on an acknowledgement after 3 s; answers are waited for this long to time them.
 * A request without an answer by then counts as this slow.
 */
export const GIVE_UP_MS = 10_000;
const FORM = 'application/x-www-form-urlencoded';
const READS = ['stats', 'item', 'mine', 'plan', 'help'] as const;

async function send(plan: LoadPlan, request: SentRequest, body: string, sent: SentRequest[]): Promise<void> {
  sent.push(request);
  const started = performance.now();
  try {
    const response = await fetch(new URL('/slack/events', plan.baseUrl), {
      method: 'POST',
      headers: { 'content-type': FORM, ...signSlackRequest(plan.signingSecret, body) },
      body,
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    await response.arrayBuffer();
    request.latencyMs = performance.now() - started;
    request.status = response.status;
  } catch (error) {
    request.error = (error as Error).name === 'TimeoutError' ? 'no answer' : (error as Error).message;
  }
}

function click(plan: LoadPlan, n: number, target: WriteTarget, sent: SentRequest[]): Promise<void> {
  const id = `click-${n}`;
  const payload = blockActions({
    user_id: target.userId,
    action_id: target.to === 'done' ? ACTIONS.itemMarkDone : ACTIONS.itemMarkStarted,
    value: encodeItemButton({ itemId: target.itemId, version: target.version }),
    response_url: plan.responseUrl(id),
    source: { kind: 'message', channel_id: `D0${target.userId}` },
  }) as { actions: { action_ts: string }[] };
  const actionTs = payload.actions[0]?.action_ts as string;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return send(
    plan,
    { kind: 'click', id, requestKey: `action:${actionTs}`, itemId: target.itemId, sentAt: Date.now() },
    body,
    sent,
  );
}

function command(
  plan: LoadPlan,
  n: number,
  kind: 'update' | 'read',
  text: string,
  userId: string,
  sent: SentRequest[],
  itemId?: number,
): Promise<void> {
  const id = `${kind}-${n}`;
  const triggerId = `${Math.floor(Date.now() / 1000)}${n}.1234567890123.contention${kind}${n}`;
  const body = new URLSearchParams(
    slashCommand({
      text,
      user_id: userId,
      channel_id: 'C0CONTENTION',
      trigger_id: triggerId,
      response_url: plan.responseUrl(id),
    }),
  ).toString();
  return send(
    plan,
    { kind, id, ...(kind === 'update' ? { requestKey: `cmd:${triggerId}`, itemId } : {}), text, sentAt: Date.now() },
    body,
    sent,
  );
}

function readText(plan: LoadPlan, n: number): string {
  const which = READS[n % READS.length] as (typeof READS)[number];
  const ref = plan.targets.randomRef();
  if (which === 'item') return `item ${ref.planCode}#${ref.itemCode}`;
  if (which === 'plan') return `plan ${ref.planCode}`;
  return which;
}

/** Calls `fire(n)` `rate` times a second, evenly, until `plan.shouldStop()`; waits for the answers. */
async function paced(
  rate: number,
  plan: LoadPlan,
  fire: (n: number) => Promise<void> | undefined,
  stopped: () => void,
): Promise<void> {
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let lastCheck = start;
  for (let n = 0; ; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - lastCheck >= 1000 || n === 0) {
      lastCheck = performance.now();
      if (plan.shouldStop()) break;
    }
    const p = fire(n);
    if (p) pending.push(p);
  }
  stopped();
  await Promise.all(pending);
}

export interface LoadRecord {
  sent: SentRequest[];
  /** Wall-clock epoch ms: when the last request was sent, and when the last answer came (or was given up on). */
  stoppedAt: number;
  settledAt: number;
}

/** Runs the whole load; resolves with every request once all answers came (or were given up on). */
export async function runLoad(plan: LoadPlan): Promise<LoadRecord> {
  const sent: SentRequest[] = [];
  let stoppedAt = 0;
  let updates = 0;
  let reads = 0;
  const markStopped = () => {
    stoppedAt = Math.max(stoppedAt, Date.now());
  };
  await Promise.all([
    plan.clickRate > 0
      ? paced(
          plan.clickRate,
          plan,
          (n) => {
            const target = plan.targets.nextClick();
            return target ? click(plan, n, target, sent) : undefined;
          },
          markStopped,
        )
      : Promise.resolve(),
    plan.commandRate > 0
      ? paced(
          plan.commandRate,
          plan,
          (n) => {
            // Spread the writes evenly among the reads.
            const isUpdate = Math.floor((n + 1) * plan.updateShare) > Math.floor(n * plan.updateShare);
            if (isUpdate) {
              const target = plan.targets.nextUpdate();
              if (!target) return undefined;
              updates += 1;
              // Done needs evidence: the note a person types with it.
              const note = target.to === 'done' ? ` 佐证材料 ${updates}` : '';
              return command(
                plan,
                updates,
                'update',
                `update ${target.planCode}#${target.itemCode} ${target.to}${note}`,
                target.userId,
                sent,
                target.itemId,
              );
            }
            reads += 1;
            return command(plan, reads, 'read', readText(plan, reads), plan.targets.randomUser(), sent);
          },
          markStopped,
        )
      : Promise.resolve(),
  ]);
  return { sent, stoppedAt, settledAt: Date.now() };
}
