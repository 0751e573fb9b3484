import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Every error as problem details. Our own `HttpProblem`s pass as they are; the framework's (unknown route, body
 * too large, malformed body) get a stable code; anything else is a 500 whose body says nothing about the cause
 * (the log has it, without request bodies).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Readiness answers 503 with its own report (which dependency is down): that body is the point, keep it.
    if (error instanceof HttpException && error.getStatus() === 503) {
      response.status(503).json(error.getResponse());
      return;
    }
    const problem = this.toProblem(error, request);
    if (problem.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.toBody(request.originalUrl?.split('?')[0])));
  }

  private toProblem(error: unknown, request: Request): HttpProblem {
    if (error instanceof HttpProblem) return error;
    const status = statusOf(error);
    // Nest turns body-parser's SyntaxError (and a path's bad percent-encoding) into a BadRequestException.
    if (status === 400 && error instanceof Error && /JSON/.test(error.message)) {
      return new HttpProblem(400, 'MALFORMED_JSON', 'Malformed JSON', 'the body is not valid JSON');
    }
    if (status === 404) return new HttpProblem(404, 'NOT_FOUND', 'Not found', `no route ${request.method} ${request.path}`);
    if (status === 413) return new HttpProblem(413, 'TOO_LARGE', 'Payload too large');
    if (status === 415) return new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type');
    if (status === 405) return new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
    if (status !== undefined && status >= 400 && status < 500) return new HttpProblem(status, 'BAD_REQUEST', 'Bad request');
    if (isDependencyDown(error)) {
      this.logger.warn({ err: error, method: request.method, path: request.path }, 'a dependency is down');
      return new HttpProblem(503, 'DEPENDENCY_UNAVAILABLE', 'Service unavailable', 'a dependency is down; retry later', {}, 5);
    }
    this.logger.error({ err: error, method: request.method, path: request.path }, 'unhandled error in a request');
    return new HttpProblem(500, 'INTERNAL', 'Internal error', 'the request could not be completed; it was logged');
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

// Connection failures (PostgreSQL restarting, a network cut): the request may be retried, it is not our bug.
const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08000', '08001', '08006']);

function isDependencyDown(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && DOWN_CODES.has(code)) return true;
  return typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated/.test(message);
}
