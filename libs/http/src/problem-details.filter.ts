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
    const problem = this.toProblem(error, request);
    if (problem.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.toBody(request.originalUrl?.split('?')[0])));
  }

  private toProblem(error: unknown, request: Request): HttpProblem {
    if (error instanceof HttpProblem) return error;
    const status = statusOf(error);
    if (status === 404) return new HttpProblem(404, 'NOT_FOUND', 'Not found', `no route ${request.method} ${request.path}`);
    if (status === 413) return new HttpProblem(413, 'TOO_LARGE', 'Payload too large');
    if (status === 415) return new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type');
    if (status === 405) return new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
    if (status !== undefined && status >= 400 && status < 500) return new HttpProblem(status, 'BAD_REQUEST', 'Bad request');
    this.logger.error({ err: error, method: request.method, path: request.path }, 'unhandled error in a request');
    return new HttpProblem(500, 'INTERNAL', 'Internal error', 'the request could not be completed; it was logged');
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
