import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { withJobLog, withLogContext } from '../src/logContext.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination }) };
}

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('withJobLog', () => {
  it('puts jobId, job and slot on every line of the run, across awaits, timers and child loggers', async () => {
    const { lines, log } = capture();
    const slot = new Date('2026-11-30T01:00:00Z');
    await withJobLog('digest', slot, async () => {
      log.info('start');
      await tick();
      log.child({ component: 'outbox' }).info('enqueued');
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          log.warn({ channel: 'C1' }, 'later');
          resolve();
        }, 1),
      );
    });
    log.info('outside');
    expect(lines.map((l) => l.msg)).toEqual(['start', 'enqueued', 'later', 'outside']);
    const [a, b, c, outside] = lines;
    expect(a).toMatchObject({ job: 'digest', slot: '2026-11-30T01:00:00.000Z' });
    expect(typeof a?.jobId).toBe('string');
    expect(b).toMatchObject({ jobId: a?.jobId, component: 'outbox' });
    expect(c).toMatchObject({ jobId: a?.jobId, channel: 'C1' });
    expect(outside).not.toHaveProperty('jobId');
  });

  it('gives each run its own id, also when runs overlap', async () => {
    const { lines, log } = capture();
    const run = (name: string) =>
      withJobLog(name, '2026-11-30T01:00:00Z', async () => {
        await tick();
        log.info(name);
        await tick();
        log.info(name);
      });
    await Promise.all([run('reminders'), run('closeout')]);
    const ids = (job: string) => new Set(lines.filter((l) => l.msg === job).map((l) => `${l.job}/${l.jobId}`));
    expect(ids('reminders').size).toBe(1);
    expect(ids('closeout').size).toBe(1);
    expect([...ids('reminders')][0]).toMatch(/^reminders\//);
    expect([...ids('closeout')][0]).toMatch(/^closeout\//);
    expect([...ids('reminders')][0]?.split('/')[1]).not.toBe([...ids('closeout')][0]?.split('/')[1]);
  });

  it('returns what the job returns; fields given in a log call win over the context', async () => {
    const { lines, log } = capture();
    const result = withLogContext({ requestId: 'r1', userId: 'U1' }, () => {
      log.info({ userId: 'U2', extra: 1 }, 'x');
      // One line's fields never leak into the context, so not into the next line.
      log.info('y');
      return 42;
    });
    expect(result).toBe(42);
    expect(lines[0]).toMatchObject({ requestId: 'r1', userId: 'U2', extra: 1 });
    expect(lines[1]).toMatchObject({ requestId: 'r1', userId: 'U1' });
    expect(lines[1]).not.toHaveProperty('extra');
  });
});
