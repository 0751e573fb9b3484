// A protocol version is a document (protocols/*.json). Given a document, when it is loaded, then it is the
// version it says, or it is refused with the file, the field and the reason.
import { parseProtocol, PROTOCOL_2026_1, PROTOCOLS, ProtocolDocumentError, registerProtocols } from '../src/index';
import protocol2026v1 from '../../../protocols/2026.1.json';

type Document = typeof protocol2026v1;

/** A copy of the 2026.1 document that `change` may edit freely. */
const documentWith = (change: (document: Document) => void): unknown => {
  const document = JSON.parse(JSON.stringify(protocol2026v1)) as Document;
  change(document);
  return document;
};

const refusalOf = (load: () => unknown): ProtocolDocumentError => {
  try {
    load();
  } catch (error) {
    if (error instanceof ProtocolDocumentError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused, but it loaded');
};

describe('a protocol document', () => {
  describe('given protocols/2026.1.json, unchanged', () => {
    it('loads as the version every case so far follows, with its key figures', () => {
      const loaded = parseProtocol(protocol2026v1, 'protocols/2026.1.json');
      expect(loaded).toEqual(PROTOCOL_2026_1);
      expect(PROTOCOLS['2026.1']).toBe(PROTOCOL_2026_1);
      expect(loaded.steps.first_contact.deadline).toEqual({ kind: 'hours_by_risk', hours: { critical: 1, high: 4, standard: 24 }, basis: 'protocol_default' });
      expect(loaded.steps.first_contact.waitsOn).toBe('survivor');
      expect(loaded.steps.implementation.waitsOn).toBe('party');
      expect(loaded.tasks.verification_answer.deadline).toEqual({ kind: 'working_days', days: 5, basis: 'protocol_default' });
      expect(loaded.tasks.handover_confirmed.after).toEqual(['emergency_travel_document', 'flight_booking']);
      expect(loaded.followUp.daysAfterImplementation).toEqual({ follow_up_day_7: 7, follow_up_day_30: 30 });
      expect(loaded.consent).toEqual({ exceptionLapsesAfterHours: 72, reaskAfterRefusalHours: 168, basis: 'invented_default' });
      expect(Object.keys(loaded.tasks)).toHaveLength(15);
    });
  });

  describe('given a document of the wrong shape', () => {
    it('refuses a figure of the wrong type, naming the file and the field', () => {
      const error = refusalOf(() =>
        parseProtocol(documentWith((d) => Object.assign(d.steps.first_contact.deadline.hours, { high: '4' })), 'protocols/2099.1.json'),
      );
      expect(error.source).toBe('protocols/2099.1.json');
      expect(error.problems).toEqual([{ path: 'steps.first_contact.deadline.hours.high', reason: expect.stringMatching(/number/) }]);
      expect(error.message).toMatch(/^protocol document protocols\/2099\.1\.json is refused:\n {2}steps\.first_contact\.deadline\.hours\.high: /);
    });

    it('refuses a missing step, an unknown field and an unknown consent category, each by its path', () => {
      const error = refusalOf(() =>
        parseProtocol(
          documentWith((d) => {
            Reflect.deleteProperty(d.steps, 'assessment');
            Object.assign(d.escalation, { reminderAt: 0.5 });
            d.tasks.police_report.consentCategory = 'neighbours';
          }),
          'bad.json',
        ),
      );
      expect(error.problems.map((p) => p.path).sort()).toEqual(['escalation', 'steps.assessment', 'tasks.police_report.consentCategory']);
      expect(error.problems.find((p) => p.path === 'escalation')?.reason).toMatch(/reminderAt/);
    });

    it('refuses a task ordered after something that is not a task', () => {
      const error = refusalOf(() => parseProtocol(documentWith((d) => (d.tasks.handover_confirmed.after = ['flight'])), 'bad.json'));
      expect(error.problems.map((p) => p.path)).toEqual(['tasks.handover_confirmed.after.0']);
    });
  });

  describe('given a well-shaped document that is unsafe', () => {
    it('refuses a clinical window below the standard', () => {
      const error = refusalOf(() => parseProtocol(documentWith((d) => (d.clinicalWindows.hiv_pep.hoursFromIncident = 48)), 'weak.json'));
      expect(error.problems).toEqual([{ path: '(root)', reason: 'hiv_pep window is 48 h, below the 72 h standard' }]);
    });
  });

  describe('when versions are registered', () => {
    it('keys each by its version, which must be its file name, once', () => {
      const registry = registerProtocols([{ source: 'protocols/2026.1.json', document: protocol2026v1 }]);
      expect(Object.keys(registry)).toEqual(['2026.1']);
      expect(refusalOf(() => registerProtocols([{ source: 'protocols/2027.1.json', document: protocol2026v1 }])).problems).toEqual([
        { path: 'version', reason: '"2026.1" is not the file\'s name "2027.1"' },
      ]);
      expect(
        refusalOf(() =>
          registerProtocols([
            { source: 'protocols/2026.1.json', document: protocol2026v1 },
            { source: 'elsewhere/2026.1.json', document: protocol2026v1 },
          ]),
        ).problems,
      ).toEqual([{ path: 'version', reason: '"2026.1" is registered twice' }]);
    });
  });
});

describe('protocols/2027.1.json', () => {
  it('is 2026.1 with a 7-working-day verification answer and the second follow-up on day 60', () => {
    const v2027 = PROTOCOLS['2027.1'];
    expect(v2027?.tasks.verification_answer.deadline).toEqual({ kind: 'working_days', days: 7, basis: 'protocol_default' });
    expect(v2027?.followUp.daysAfterImplementation).toEqual({ follow_up_day_7: 7, follow_up_day_30: 60 });
    const sameOtherwise = (p: typeof PROTOCOL_2026_1) => ({
      ...p,
      version: '',
      title: '',
      tasks: { ...p.tasks, verification_answer: undefined },
      steps: { ...p.steps, follow_up_day_30: { ...p.steps.follow_up_day_30, opensOn: '' } },
      followUp: undefined,
    });
    expect(sameOtherwise(v2027!)).toEqual(sameOtherwise(PROTOCOL_2026_1));
  });
});
