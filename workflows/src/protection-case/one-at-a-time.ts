// Updates run as concurrent handlers; a case's commands must not interleave between decide and append (the
// second would decide on a state the first is about to change). This queue runs them one after another, in
// arrival order. Deterministic: it is promise chaining, no timers, no I/O.
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    const result = this.tail.then(work);
    this.tail = result.then(
      () => this.running--,
      () => this.running--,
    );
    return result;
  }

  get idle(): boolean {
    return this.running === 0;
  }
}
