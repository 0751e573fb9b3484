// Who may call what, by the token's role. Scope (which cases) is decided per case and per query on top of this.
import type { TokenRole } from '@baoho/domain';

/** People who work cases: open, read, search and command them (each within their missions). */
export const CASE_STAFF = ['caseworker', 'supervisor', 'hq_officer'] as const satisfies readonly TokenRole[];

/** People who oversee cases: the supervisors' lists and indicators. */
export const OVERSEERS = ['supervisor', 'hq_officer'] as const satisfies readonly TokenRole[];
