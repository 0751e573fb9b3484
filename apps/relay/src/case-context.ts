// The case facts a notification carries (mission, risk level, assignee, an open item's due time), for the cases
// of one batch, in three queries at most. case_summary is kept inside each append's transaction, so it knows
// every case whose events the relay can read; a log written without it (an older deployment, a test store)
// falls back to the case's CaseOpened event.
import type { Pool } from 'pg';
import type { NotificationV1 } from '@baoho/messaging';
import type { CaseContext } from './to-messages';

const RISK_LEVELS: readonly string[] = ['critical', 'high', 'standard'];

export async function loadCaseContexts(pool: Pool, caseIds: readonly string[]): Promise<Map<string, CaseContext>> {
  const ids = [...new Set(caseIds)];
  const found = new Map<string, CaseContext>();
  if (ids.length === 0) return found;

  const dueAts = await loadDueAts(pool, ids);
  const make = (caseId: string, mission: unknown, risk: unknown, assignee: unknown): void => {
    if (typeof mission !== 'string' || typeof risk !== 'string' || !RISK_LEVELS.includes(risk)) return;
    const items = dueAts.get(caseId);
    found.set(caseId, {
      mission,
      riskLevel: risk as NotificationV1['riskLevel'],
      assignee: typeof assignee === 'string' && assignee !== '' ? assignee : null,
      dueAt: (item) => items?.get(item) ?? null,
    });
  };

  const summaries = await pool.query<{ case_id: string; mission: string; risk_level: string; assignee: string | null }>(
    'SELECT case_id, mission, risk_level, assignee FROM case_summary WHERE case_id = ANY($1::text[])',
    [ids],
  );
  for (const row of summaries.rows) make(row.case_id, row.mission, row.risk_level, row.assignee);

  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const opened = await pool.query<{ stream_id: string; data: Record<string, unknown> }>(
      `SELECT stream_id, data FROM events WHERE stream_id = ANY($1::text[]) AND stream_version = 1 AND type = 'CaseOpened'`,
      [missing],
    );
    for (const row of opened.rows) make(row.stream_id, row.data['missionCode'], row.data['risk'], null);
  }
  return found;
}

async function loadDueAts(pool: Pool, caseIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const { rows } = await pool.query<{ case_id: string; item: string; due_at: Date }>(
    'SELECT case_id, item, due_at FROM open_deadlines WHERE case_id = ANY($1::text[])',
    [caseIds],
  );
  const byCase = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const items = byCase.get(row.case_id) ?? new Map<string, string>();
    items.set(row.item, row.due_at.toISOString());
    byCase.set(row.case_id, items);
  }
  return byCase;
}
