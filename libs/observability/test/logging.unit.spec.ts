import { Writable } from 'node:stream';
import { createLogger, PinoLoggerService, redact, REDACTED, withCase } from '../src/index';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { lines, logger: createLogger({ app: 'test', level: 'debug', destination }) };
}

describe('the logger', () => {
  it('writes JSON lines with the app, a level name and an ISO time', () => {
    const { lines, logger } = capture();
    logger.info({ stage: 'intake' }, 'case opened');
    expect(lines[0]).toMatchObject({ app: 'test', level: 'info', stage: 'intake', msg: 'case opened' });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('never writes personal data, at any depth', () => {
    const { lines, logger } = capture();
    logger.info({
      caseId: 'case-1',
      subject: { fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1998-04-12', passportNumber: 'C1234567' },
      caller: { phone: '+82 10-5555-0101' },
      events: [{ narrative: 'assault by employer', note: 'private', code: 'gbv' }],
    });
    const text = JSON.stringify(lines[0]);
    for (const value of ['Nguyễn', '1998-04-12', 'C1234567', '5555', 'assault', 'private']) {
      expect(text).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({
      caseId: 'case-1',
      subject: { fullName: REDACTED },
      events: [{ narrative: REDACTED, note: REDACTED, code: 'gbv' }],
    });
  });

  it('ties a child logger to a case and its workflow, leaving out what is unknown', () => {
    const { lines, logger } = capture();
    withCase(logger, { caseId: 'case-7', workflowId: 'protection-case-7' }).info('step done');
    withCase(logger, { caseId: 'case-8' }).info('step done');
    expect(lines[0]).toMatchObject({ caseId: 'case-7', workflowId: 'protection-case-7' });
    expect(lines[1]).toMatchObject({ caseId: 'case-8' });
    expect(lines[1]).not.toHaveProperty('workflowId');
  });

  it("serves as Nest's logger, with the context and an error's stack", () => {
    const { lines, logger } = capture();
    const nest = new PinoLoggerService(logger);
    nest.log('Nest application successfully started', 'NestApplication');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 'info', context: 'NestApplication', msg: 'Nest application successfully started' });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'ExceptionHandler', msg: 'boom' });
    expect(String(lines[1]?.stack)).toContain('at x');
  });
});

describe('redact', () => {
  it('keeps errors and cycles safe', () => {
    const error = new Error('x');
    const cyclic: Record<string, unknown> = { phone: '1' };
    cyclic.self = cyclic;
    expect(redact({ err: error })).toEqual({ err: error });
    expect(redact(cyclic)).toEqual({ phone: REDACTED, self: '[elided]' });
  });
});
