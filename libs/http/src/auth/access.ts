// Every route declares who may call it; the guard refuses a route that declares nothing (deny by default).
import { SetMetadata } from '@nestjs/common';
import type { TokenRole } from '@baoho/domain';

export const ACCESS_METADATA = 'baoho:access';

export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly TokenRole[] };

/** No token needed: health, metrics and the API's own documentation. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** A valid token with one of these roles; anything else is 403 `FORBIDDEN_ROLE` (after authentication). */
export const Allow = (...roles: [TokenRole, ...TokenRole[]]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);
