// Why an action the role may take would still be refused by the domain now, in words, so the console explains it
// instead of offering it. The reasons come with the case reading (libs/domain/src/case/refusals.ts, the same gates
// `decide` applies): each open task's `refusal`, and the case's `verificationRequestRefusal`.
import type { CaseView, Refusal } from './case-reading.js';
import { label, t } from './i18n.js';

export function refusalText(refusal: Refusal | undefined): string | undefined {
  if (!refusal) return undefined;
  switch (refusal.code) {
    case 'CONSENT_REQUIRED':
      return t('blocked.consent', { category: label('consent', refusal.category ?? '') });
    case 'IDENTITY_NOT_VERIFIED':
      return t('blocked.identity');
    default:
      return t('blocked.familyRisk');
  }
}

/** Why working `task` would be refused now, or undefined when it would not. */
export const whyNotTask = (view: CaseView, task: string): string | undefined =>
  refusalText(view.openItems.find((item) => item.item === task)?.refusal);

/** Why asking the home authorities to verify her identity would be refused now (it shares her identity). */
export const whyNotVerificationRequest = (view: CaseView): string | undefined => refusalText(view.verificationRequestRefusal);

/** `reasons` as a map for a select's disabled options. */
export function refusals(codes: readonly string[], why: (code: string) => string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) {
    const reason = why(code);
    if (reason) map.set(code, reason);
  }
  return map;
}
