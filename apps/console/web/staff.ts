// Choosing a person from the mission's staff directory (GET /v1/staff) instead of typing an id: a typo can no
// longer assign a survivor's case to nobody. The list loads after the field is drawn; until then, and if it
// fails, the field says so and cannot be submitted.
import { get } from './api.js';
import { h, uid } from './dom.js';
import { problemText } from './forms.js';
import { t } from './i18n.js';

export interface StaffMember { readonly userId: string; readonly role: string; readonly missions: readonly string[]; readonly displayName?: string | null }

const cache = new Map<string, Promise<StaffMember[] | string>>();

/** The active staff of `mission` in `role`, once per page load (a failure is not kept). */
export function staffOf(mission: string, role: string): Promise<StaffMember[] | string> {
  const key = `${mission}|${role}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = get<{ items: StaffMember[] }>(`/v1/staff?mission=${encodeURIComponent(mission)}&role=${encodeURIComponent(role)}`).then((result) => {
      if (result.ok) return result.body.items;
      cache.delete(key);
      return problemText(result.problem);
    });
    cache.set(key, pending);
  }
  return pending;
}

export const staffLabel = (member: StaffMember): string => (member.displayName ? `${member.displayName} (${member.userId})` : member.userId);

/** A required select of `mission`'s staff in `role`, without `exclude` (the current assignee). */
export function staffPicker(name: string, text: string, mission: string, role: string, exclude?: string): HTMLElement {
  const id = uid(name);
  const hint = `${id}-hint`;
  const control = h('select', { id, name, required: true, 'aria-describedby': hint }, h('option', { value: '', selected: true, disabled: true }, t('state.loading')));
  const note = h('p', { id: hint, class: 'field-error', 'aria-live': 'polite' });
  void staffOf(mission, role).then((members) => {
    if (typeof members === 'string') {
      control.replaceChildren(h('option', { value: '', selected: true, disabled: true }, t('staff.unavailable')));
      note.textContent = members;
      return;
    }
    const choices = members.filter((m) => m.userId !== exclude);
    control.replaceChildren(
      h('option', { value: '', selected: true, disabled: true }, choices.length ? t('form.choose') : t('staff.none')),
      ...choices.map((m) => h('option', { value: m.userId }, staffLabel(m))));
  });
  return h('div', { class: 'field' }, h('label', { for: id }, text), control, note);
}
