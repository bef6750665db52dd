// What the main thread sends a read worker, and what comes back. Plain data only: it crosses
// a MessagePort by structured clone.
import type { Locale } from '../../domain/types.ts';
import type { LogFields } from '../../logContext.ts';
import type { HomeBuildTask } from '../homeBuild.ts';
import type { ReadOnlyCommand } from '../listeners/commands/parse.ts';

export interface CommandTask {
  command: ReadOnlyCommand;
  userId: string;
  locale: Locale;
  /** The main thread's clock at the request (a FAST_CLOCK included), so both agree on "today". */
  nowMs: number;
  /** Where the ephemeral answer goes. */
  responseUrl: string;
  /** The request's log fields (requestId, ...), for any line the worker writes. */
  logFields: LogFields;
}

export type ToWorker =
  | { id: number; task: CommandTask }
  /** Build an App Home view and send it back: the main thread publishes it (the worker has no token). */
  | { id: number; home: HomeBuildTask };

export type FromWorker =
  | { id: number; kind: 'ready' }
  /** About to post: from here on the answer may reach Slack, so it is never sent again elsewhere. */
  | { id: number; kind: 'posting' }
  | { id: number; kind: 'done' }
  /** A Home view built for a `home` task, as JSON text. */
  | { id: number; kind: 'built'; view: string }
  | { id: number; kind: 'failed'; error: string; stack?: string; posted: boolean };
