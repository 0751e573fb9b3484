// Who is calling, as a verified token says: the only identity the API and the intake act on.
import { TOKEN_ROLES, type TokenRole } from '@baoho/domain';

export interface Principal {
  /** The token's `sub`. */
  readonly userId: string;
  readonly role: TokenRole;
  /** Mission codes the user belongs to (`KR-SEL`, `HQ` …); may be empty for roles that are not mission-bound. */
  readonly missions: readonly string[];
}

export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
export const MISSION_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,7}(-[A-Z0-9]{2,8})?$/;

export const isTokenRole = (value: unknown): value is TokenRole =>
  typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
