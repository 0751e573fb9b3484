// Waiting for a condition with a generous bound, never for a fixed time: the fault suite runs on a loaded machine.
import { sleep } from '../apps';

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number, context: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve(condition()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}\n${context()}`);
    await sleep(200);
  }
}
