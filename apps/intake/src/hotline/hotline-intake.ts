// The one path every hotline report takes, whether it came over Kafka or HTTP: parse against the versioned
// contract, turn it into the opening command, open the case. What to do with a refusal (dead letter, problem
// details) is the transport's business; that it is stored is everyone's.
import { parseHotlineEvent, type RejectionReason } from '@baoho/messaging';
import type { CaseOpener } from './case-opener';
import type { Actor } from '@baoho/domain';
import { toOpenCase } from './hotline-case';

export type IntakeResult =
  | { readonly kind: 'opened' | 'duplicate'; readonly caseId: string }
  | { readonly kind: 'refused'; readonly reason: RejectionReason }
  | { readonly kind: 'unavailable'; readonly cause: string };

export class HotlineIntake {
  constructor(
    private readonly opener: CaseOpener,
    private readonly clock: () => number = Date.now,
  ) {}

  /** `actor`: who sends it over HTTP (the token's hotline system); absent for Kafka and for a replay. */
  async receive(raw: unknown, contractVersion?: string, actor?: Actor): Promise<IntakeResult> {
    const parsed = parseHotlineEvent(raw, this.clock(), { contractVersion });
    if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
    const outcome = await this.opener.open(toOpenCase(parsed.event, actor));
    switch (outcome.kind) {
      case 'opened':
      case 'duplicate':
        return outcome;
      case 'refused':
        // The domain's message names rules, never values: safe to keep as the reason.
        return { kind: 'refused', reason: { code: `CASE_REFUSED_${outcome.code}`, message: outcome.message } };
      case 'unavailable':
        return outcome;
    }
  }
}
