// Caseworkers and supervisors at the API, with a ledger of every answer. A command answered 503 (or not answered:
// the api was killed) is sent again with the same Idempotency-Key, as a real client does; a 200 is an accepted
// command whose events the log must hold exactly once. Board reads poll the supervisors' endpoints.
import { randomUUID } from 'node:crypto';
import { IdempotencyService } from '../../../apps/api/src/idempotency/idempotency.service';
import { identityHeaders, trafficCaseworker, trafficSupervisor, type Identity } from '../identity';
import { sleep } from '../apps';
import { registerStaff } from '../staff';

export type RequestKind = 'command' | 'board' | 'read';

export interface Answer {
  readonly kind: RequestKind;
  readonly path: string;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  readonly status: number;
  readonly retryAfter: string | null;
  readonly ms: number;
  /** Date.now() when the answer came. */
  readonly at: number;
}

export interface AcceptedCommand {
  readonly caseId: string;
  readonly commandId: string;
  readonly type: 'AssignCaseworker' | 'AddNote' | 'RecordContact';
}

interface PendingCommand {
  readonly caseId: string;
  readonly path: string;
  readonly body: unknown;
  readonly type: AcceptedCommand['type'];
  readonly who: Identity;
  readonly key: string;
  notBefore: number;
}

/** How many caseworkers the traffic's cases are spread over. */
const CASEWORKERS = 8;

export const BOARD_PATHS = ['/v1/stuck-cases?limit=50', '/v1/escalations?limit=50', '/v1/workload', '/v1/cases?limit=50'];

export class ApiTraffic {
  readonly answers: Answer[] = [];
  readonly accepted: AcceptedCommand[] = [];
  /** Commands refused with a 4xx: none is expected from this traffic, each is reported. */
  readonly refused: Array<{ path: string; status: number; body: string; at: number }> = [];
  private readonly retries: PendingCommand[] = [];
  private readonly assigned = new Map<string, Identity>();
  private readonly assignmentAccepted = new Set<string>();
  private readonly contacted = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private inFlight = 0;

  /** `cases()` lists the open cases commands may go to; `baseUrl()` is read per request (the api may move). */
  constructor(
    private readonly baseUrl: () => string,
    private readonly cases: () => readonly string[],
    private readonly options: { contactCases?: (caseId: string) => boolean; onAnswer?: (answer: Answer) => void } = {},
  ) {}

  /** Puts the caseworkers the traffic assigns cases to in the staff directory (before `steady`). */
  async registerStaff(): Promise<void> {
    const caseworkers = Array.from({ length: CASEWORKERS }, (_, n) => trafficCaseworker(n));
    await registerStaff(this.baseUrl(), caseworkers.map((who) => ({ userId: who.user, role: who.role, missions: who.missions })));
  }

  /** Caseworker commands at `perSecond` and board polls at `boardPerSecond` until `stop()`. */
  steady(perSecond: number, boardPerSecond: number): void {
    if (perSecond > 0) this.timers.push(setInterval(() => void this.nextCommand(), 1000 / perSecond));
    if (boardPerSecond > 0) this.timers.push(setInterval(() => void this.pollBoard(), 1000 / boardPerSecond));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    while (this.inFlight > 0) await sleep(50);
  }

  /** Resends every command still unanswered until each has an answer other than 503 / none. */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.retries.length > 0 || this.inFlight > 0) {
      if (Date.now() > deadline) throw new Error(`${this.retries.length} commands never got an answer`);
      const due = this.retries.splice(0, this.retries.length);
      await Promise.all(due.map((command) => this.send(command)));
      await sleep(200);
    }
  }

  unanswered(): number {
    return this.retries.length;
  }

  private async nextCommand(): Promise<void> {
    const now = Date.now();
    const due = this.retries.findIndex((command) => command.notBefore <= now);
    if (due >= 0) return this.send(this.retries.splice(due, 1)[0]!);
    const open = this.cases();
    if (open.length === 0) return;
    const caseId = open[Math.floor(Math.random() * open.length)]!;
    const worker = this.assigned.get(caseId);
    if (!worker) {
      const caseworker = trafficCaseworker(this.assigned.size % CASEWORKERS);
      this.assigned.set(caseId, caseworker);
      return this.send(this.command(caseId, 'assignment', 'AssignCaseworker', { caseworkerId: caseworker.user }, trafficSupervisor));
    }
    // The caseworker sees the case only once the assignment is accepted (until then it is out of her scope: 404),
    // as a real caseworker would: the case reaches her list after its assignment, not before.
    if (!this.assignmentAccepted.has(caseId)) return;
    if (!this.contacted.has(caseId) && (this.options.contactCases?.(caseId) ?? false)) {
      this.contacted.add(caseId);
      return this.send(this.command(caseId, 'contacts', 'RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }, worker));
    }
    return this.send(this.command(caseId, 'notes', 'AddNote', { text: `Follow-up call ${randomUUID().slice(0, 8)}: she is safe today.` }, worker));
  }

  private command(caseId: string, path: string, type: AcceptedCommand['type'], body: unknown, who: Identity): PendingCommand {
    return { caseId, path: `/v1/cases/${caseId}/${path}`, body, type, who, key: randomUUID(), notBefore: 0 };
  }

  private async send(command: PendingCommand): Promise<void> {
    const answer = await this.request('command', 'POST', command.path, command.who, command.body, { 'idempotency-key': command.key });
    if (answer.status === 200) {
      if (command.type === 'AssignCaseworker') this.assignmentAccepted.add(command.caseId);
      this.accepted.push({ caseId: command.caseId, commandId: IdempotencyService.commandId(command.who.user, command.key), type: command.type });
    } else if (answer.status === 0 || answer.status === 503) {
      const wait = answer.retryAfter ? Math.min(Number(answer.retryAfter) * 1000, 2_000) : 1_000;
      this.retries.push({ ...command, notBefore: Date.now() + wait });
    } else if (answer.status !== 500) {
      this.refused.push({ path: command.path, status: answer.status, body: answer.body, at: answer.at });
    }
  }

  private async pollBoard(): Promise<void> {
    const path = BOARD_PATHS[Math.floor(Math.random() * BOARD_PATHS.length)]!;
    await this.request('board', 'GET', path, trafficSupervisor);
  }

  /** GET /v1/cases/:id as the supervisor: whether it answered 200. */
  async readable(caseId: string): Promise<boolean> {
    return (await this.request('read', 'GET', `/v1/cases/${caseId}`, trafficSupervisor)).status === 200;
  }

  private async request(kind: RequestKind, method: string, path: string, who: Identity, body?: unknown, headers: Record<string, string> = {}): Promise<Answer & { body: string }> {
    this.inFlight++;
    const started = performance.now();
    let status = 0;
    let retryAfter: string | null = null;
    let text = '';
    try {
      const response = await fetch(`${this.baseUrl()}${path}`, {
        method,
        headers: { ...identityHeaders(who), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch {
      status = 0;
    } finally {
      this.inFlight--;
    }
    const answer: Answer = { kind, path: path.replace(/\/v1\/cases\/[^/?]+/, '/v1/cases/:id'), status, retryAfter, ms: performance.now() - started, at: Date.now() };
    this.answers.push(answer);
    this.options.onAnswer?.(answer);
    return { ...answer, body: text };
  }
}
