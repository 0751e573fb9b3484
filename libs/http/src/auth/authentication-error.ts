import { HttpProblem } from '../problem';

/**
 * Why a bearer token was not accepted. The reason goes into the problem's detail (it helps a client's developer)
 * but never a claim's value: a token can carry a name.
 */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

/** The 401 every refused token gets: problem details with `UNAUTHENTICATED` and a `WWW-Authenticate: Bearer` challenge. */
export function unauthenticated(reason: string, tokenPresent: boolean): HttpProblem {
  const challenge = tokenPresent ? 'Bearer realm="baoho", error="invalid_token"' : 'Bearer realm="baoho"';
  return new HttpProblem(401, 'UNAUTHENTICATED', 'Authentication required', reason, {}, undefined, { 'WWW-Authenticate': challenge });
}
