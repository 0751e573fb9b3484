// Why an action the role may take would still be refused by the domain now, in words, so the console explains it
// instead of offering it: the same conditions as libs/domain's requireConsent (consent given or an exception
// recorded) and the task's `needsIdentityVerified`, read from the case's pinned protocol version.
import { protocolFor } from '../../../libs/domain/src/protocol/protocol-registry.js';
import type { TaskId } from '../../../libs/domain/src/protocol/protocol-definition.js';
import type { CaseView } from './case-reading.js';
import { label, t } from './i18n.js';

/** Consent for `category` is in force: given, or acted on under a recorded exception. */
export function consentInForce(view: CaseView, category: string): boolean {
  const record = view.consent[category];
  return record?.status === 'given' || record?.exception !== undefined;
}

const identityVerified = (view: CaseView): boolean => view.identity === 'documents_seen' || view.identity === 'confirmed';

/** Why working `task` would be refused now, or undefined when it would not. */
export function whyNotTask(view: CaseView, task: string): string | undefined {
  let definition;
  try {
    definition = protocolFor(view.protocolVersion).tasks[task as TaskId];
  } catch {
    return undefined; // a protocol the console does not know: the API decides
  }
  if (!definition) return undefined;
  if (definition.consentCategory && !consentInForce(view, definition.consentCategory)) return t('blocked.consent', { category: label('consent', definition.consentCategory) });
  if (definition.needsIdentityVerified && !identityVerified(view)) return t('blocked.identity');
  return undefined;
}

/** Why asking the home authorities to verify her identity would be refused now (it shares her identity). */
export function whyNotVerificationRequest(view: CaseView): string | undefined {
  return consentInForce(view, 'home_authorities') ? undefined : t('blocked.consent', { category: label('consent', 'home_authorities') });
}

/** `reasons` as a map for a select's disabled options. */
export function refusals(codes: readonly string[], why: (code: string) => string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) {
    const reason = why(code);
    if (reason) map.set(code, reason);
  }
  return map;
}
