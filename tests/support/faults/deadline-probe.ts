// A timer that must fall inside an outage: a critical hotline report whose report time lies just under an hour in
// the past, so its one-hour first-contact deadline (counted from the report, PROTOCOL.md) falls `leadMs` after it
// was sent. Once its case is open (the workflow's timer armed) the caller starts the outage; nobody ever records
// a contact, so the deadline must lapse — and the log must show DeadlineMissed for it even though, at that
// instant, a dependency or the worker was gone. The probe goes through the intake's HTTP door (same contract,
// same path to the case), so it opens at once instead of queueing behind the steady stream on Kafka.
import type { Pool } from 'pg';
import { hotlineCaseId } from '../../../apps/intake/src/hotline/hotline-case';
import { sleep } from '../apps';
import { hotlineEvent } from '../hotline-events';
import { identityHeaders, trafficHotline } from '../identity';

const HOUR = 3_600_000;

export interface DeadlineProbe {
  readonly caseId: string;
  /** The first-contact deadline, epoch ms, as the case's StepOpened recorded it. */
  readonly dueAt: number;
}

/**
 * Posts probes to the intake until one opens its case with at least `marginMs` left before its deadline (a loaded
 * machine may open a case later than planned: the lead then doubles). `sent` hears of every probe posted (each
 * is a hotline event that must have exactly one case). Resolves with the armed probe.
 */
export async function armDeadline(
  intakeUrl: string,
  pool: Pool,
  leadMs: number,
  sent: (eventId: string, caseId: string) => void,
  marginMs = 3_000,
  timeoutMs = 300_000,
): Promise<DeadlineProbe> {
  const deadline = Date.now() + timeoutMs;
  for (let lead = leadMs; ; lead *= 2) {
    const reportedAt = Date.now() - HOUR + lead;
    const event = hotlineEvent((e) => {
      e['occurredAt'] = new Date(reportedAt).toISOString();
      e['incidentAt'] = new Date(reportedAt - 7 * HOUR).toISOString();
    });
    const eventId = event['eventId'] as string;
    const caseId = hotlineCaseId(event['source'] as string, eventId);
    sent(eventId, caseId);
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the intake never took the deadline probe within ${timeoutMs} ms`);
      const status = await fetch(`${intakeUrl}/v1/hotline-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...identityHeaders(trafficHotline) },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(60_000),
      }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      );
      if (status === 201 || status === 200) break;
      await sleep(500);
    }
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no deadline probe opened within ${timeoutMs} ms`);
      const { rows } = await pool
        .query<{ due_at: string }>(`SELECT data->>'dueAt' AS due_at FROM events WHERE stream_id = $1 AND type = 'StepOpened' AND data->>'step' = 'first_contact'`, [caseId])
        .catch(() => ({ rows: [] as Array<{ due_at: string }> }));
      if (rows[0]) {
        const dueAt = Date.parse(rows[0].due_at);
        if (dueAt - Date.now() >= marginMs) return { caseId, dueAt };
        break; // opened too late to fall inside the outage: send another with a longer lead
      }
      await sleep(100);
    }
  }
}

/** The DeadlineMissed the probe's case recorded for its first contact, if any. */
export async function missedDeadline(pool: Pool, probe: DeadlineProbe): Promise<{ dueAt: number; recordedAt: number } | undefined> {
  const { rows } = await pool.query<{ due_at: string; recorded_at: Date }>(
    `SELECT data->>'dueAt' AS due_at, recorded_at FROM events WHERE stream_id = $1 AND type = 'DeadlineMissed' AND data->>'item' = 'first_contact'`,
    [probe.caseId],
  );
  return rows[0] && { dueAt: Date.parse(rows[0].due_at), recordedAt: rows[0].recorded_at.getTime() };
}
