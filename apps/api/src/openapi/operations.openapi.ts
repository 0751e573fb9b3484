// The endpoints every baoho app has (health, metrics) and this document's own, so they are documented and fuzzed
// like the rest.
import { operation, type OpenApiContribution } from './openapi-spec';

const TAG = 'operations';

export const operationsOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Probes, metrics and this document.' },
  paths: {
    '/health/live': {
      get: operation(TAG, {
        operationId: 'live',
        summary: 'Liveness: the process answers HTTP.',
        authenticated: false,
        success: { status: 200, description: 'Up.', schema: { type: 'object', properties: { status: { const: 'up' } } } },
      }),
    },
    '/health': {
      get: operation(TAG, {
        operationId: 'ready',
        summary: 'Readiness: 200 when every required dependency answers, 503 otherwise.',
        authenticated: false,
        success: { status: 200, description: 'Ready; the body lists each dependency.', schema: { type: 'object' } },
      }),
    },
    '/metrics': {
      get: operation(TAG, {
        operationId: 'metrics',
        summary: 'Prometheus metrics.',
        authenticated: false,
        success: { status: 200, description: 'The Prometheus text format.', contentType: 'text/plain', schema: { type: 'string' } },
      }),
    },
    '/openapi.json': {
      get: operation(TAG, {
        operationId: 'openApiDocument',
        summary: 'This document.',
        authenticated: false,
        success: { status: 200, description: 'OpenAPI 3.1.', schema: { type: 'object' } },
      }),
    },
    '/docs': {
      get: operation(TAG, {
        operationId: 'docsPage',
        summary: 'This document as a page to read.',
        authenticated: false,
        success: { status: 200, description: 'HTML.', contentType: 'text/html', schema: { type: 'string' } },
      }),
    },
  },
};
