// @baoho/http — the HTTP edge shared by the apps that serve people and hotlines: RFC 9457 problem details,
// bearer-token authentication and declared access per route.
export { HttpProblem, PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem';
export { ProblemDetailsFilter } from './problem-details.filter';
export { ACCESS_METADATA, Allow, Public, type AccessRule } from './auth/access';
export { AuthGuard, principalOf } from './auth/auth.guard';
export { AuthModule, tokenVerifierFor } from './auth/auth.module';
export { AuthenticationError, unauthenticated } from './auth/authentication-error';
export { JwksKeySource, KeysUnavailableError, StaticKeySource, type JwksOptions, type KeySource } from './auth/key-sources';
export { isTokenRole, MISSION_CODE_PATTERN, USER_ID_PATTERN, type Principal } from './auth/principal';
export { TokenVerifier, type TokenRules } from './auth/token-verifier';
