import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '@baoho/http';
import type { StoredResponse } from '../idempotency/idempotency.service';

/** Sends a (possibly replayed) response: problem details keep their media type when replayed. */
export function respond(response: Response, stored: StoredResponse): void {
  response.status(stored.status);
  if (stored.status >= 400) response.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(stored.body));
  else response.json(stored.body);
}
