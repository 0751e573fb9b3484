// Keeps the Temporal SDK's own logs at WARN in tests, so a failure's output is readable.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this test worker process: nothing to do
}
