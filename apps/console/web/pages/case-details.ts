// Her details and her safety, first on the case page: who she is, how to reach her (the number to call within a
// critical case's first hour), where she is, the danger she is in and what happened, then the notes. Drawn from
// the codes of the reading and the personal part, which is read on its own (and recorded in the read audit).
import type { CaseView, Personal } from '../case-reading.js';
import { isoOf } from '../case-reading.js';
import { h, show } from '../dom.js';
import { label, t } from '../i18n.js';
import { countryName } from '../missions.js';
import { formatDate, formatInstant } from '../time.js';

function fact(term: string, value: Node | string, testId?: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', testId ? { 'data-testid': testId } : {}, value)];
}

/** The personal part as it stands: read, being read, withheld until a reason is given, or erased. */
export type PersonalState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'read'; readonly personal: Personal }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'reason_required'; readonly form: HTMLElement };

export function drawDetails(target: HTMLElement, view: CaseView, state: PersonalState): void {
  const intake = view.intake;
  const personal = state.kind === 'read' ? state.personal : undefined;
  const subject = personal?.intake?.subject;
  const phone = personal?.intake?.caller?.phone ?? undefined;
  const erased = personal?.erasedAt !== undefined;
  const safety = [
    intake?.immediateDanger ? h('li', { class: 'danger' }, t('details.immediateDanger')) : null,
    intake?.minor ? h('li', {}, t('details.minor')) : null,
    ...(intake?.vulnerabilities ?? []).filter((v) => v !== 'minor').map((v) => h('li', {}, label('vulnerability', v))),
  ].filter((x): x is HTMLLIElement => x !== null);
  const where = intake ? [countryName(intake.countryCode), intake.city].filter(Boolean).join(', ') : '';
  const personalBlock: Node[] =
    state.kind === 'loading' ? [h('p', { class: 'loading', 'data-state': 'loading' }, t('details.loading'))]
    : state.kind === 'failed' ? [h('p', { class: 'form-status error', role: 'alert', 'data-state': 'failed' }, state.message)]
    : state.kind === 'reason_required' ? [state.form]
    : erased ? [h('p', { class: 'notice', 'data-testid': 'personal-erased' }, t('details.erased', { time: formatInstant(isoOf(personal!.erasedAt!), view.missionCode) }))]
    : [h('dl', { class: 'facts', 'data-testid': 'her-details' },
        ...fact(t('details.name'), subject?.fullName ?? t('details.unknown'), 'her-name'),
        ...fact(t('details.phone'), phone ? h('a', { href: `tel:${phone.replace(/[^+\d]/g, '')}`, 'data-testid': 'her-phone' }, phone) : t('details.noPhone')),
        ...(subject?.sex ? fact(t('details.sex'), label('sex', subject.sex)) : []),
        ...(subject?.dateOfBirth ? fact(t('details.dateOfBirth'), formatDate(subject.dateOfBirth)) : []),
        ...(subject?.passportNumber ? fact(t('details.passport'), subject.passportNumber) : []),
        ...(subject?.hometownProvince ? fact(t('details.hometown'), subject.hometownProvince) : []))];
  show(target,
    h('h2', { id: 'details-title' }, t('details.title')),
    ...personalBlock,
    h('dl', { class: 'facts' },
      ...fact(t('details.where'), where || t('details.unknown'), 'her-location'),
      ...(intake ? fact(t('details.categories'), intake.categories.map((c) => label('category', c)).join(', ')) : []),
      ...(intake?.gbvType ? fact(t('details.gbvType'), label('gbvType', intake.gbvType)) : []),
      ...(intake?.incidentAt ? fact(t('details.incidentAt'), `${formatInstant(intake.incidentAt, view.missionCode)}${intake.incidentTimeEstimated ? ` (${t('details.estimated')})` : ''}`) : []),
      ...(intake ? fact(t('details.reportedBy'), intake.channel === 'walk_in' ? label('channel', intake.channel) : `${label('source', intake.source)} · ${label('channel', intake.channel)}`) : [])),
    safety.length ? h('ul', { class: 'safety', 'aria-label': t('details.safety'), 'data-testid': 'safety' }, ...safety) : null,
    personal?.intake?.narrative ? h('div', { class: 'narrative' }, h('h3', {}, t('details.narrative')), h('p', { 'data-testid': 'narrative' }, personal.intake.narrative)) : null,
    state.kind === 'read' && !erased ? notesBlock(personal?.notes ?? [], view.missionCode) : null);
}

function notesBlock(notes: NonNullable<Personal['notes']>, mission: string): HTMLElement {
  return h('div', { class: 'notes' },
    h('h3', {}, t('details.notes')),
    notes.length === 0 ? h('p', { class: 'empty' }, t('details.noNotes'))
      : h('ol', { 'data-testid': 'notes', reversed: true }, ...[...notes].reverse().map((note) =>
          h('li', {}, h('p', { class: 'note-text' }, note.text), h('p', { class: 'legend' }, `${formatInstant(isoOf(note.at), mission)} · ${note.by}`)))));
}
