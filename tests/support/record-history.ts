// Recorded workflow histories for the replay test (tests/workflow/protection-case/replay.spec.ts). A scenario
// spec records its case's history when BAOHO_RECORD_HISTORIES=1; otherwise this does nothing. The files hold
// the History protobuf as a plain object (64-bit ids as strings, bytes as base64), read back with `loadHistory`.
// (`historyToJSON` from @temporalio/common fails here: its nested protobufjs differs from @temporalio/proto's.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { History } = temporal.api.history.v1;

export const HISTORIES_DIR = path.resolve(__dirname, '../workflow/protection-case/histories');

export const historyPath = (scenario: string): string => path.join(HISTORIES_DIR, `${scenario}.json`);

/** Writes the workflow's history so far to histories/<scenario>.json, when recording is asked for. */
export async function recordHistory(handle: WorkflowHandle, scenario: string): Promise<void> {
  if (process.env.BAOHO_RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(historyPath(scenario), `${JSON.stringify(History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String }))}\n`);
}

/** A recorded history, as `Worker.runReplayHistory` takes it. */
export const loadHistory = (scenario: string): temporal.api.history.v1.History =>
  History.fromObject(JSON.parse(readFileSync(historyPath(scenario), 'utf8')) as Record<string, unknown>);
