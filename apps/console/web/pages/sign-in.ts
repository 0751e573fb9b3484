// Sign-in: the development sign-in (only when the console app offers it) or a pasted token. Also drawn inside the
// dialog that asks to sign in again when a session ends under a page (without the page heading).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { devSignIn, devSignInEnabled, sessionFromToken, signIn } from '../identity.js';
import { MISSIONS } from '../../../../libs/domain/src/missions/missions.js';
import { TOKEN_ROLES } from '../../../../libs/domain/src/shared/vocabulary.js';
import { formValue, input, select, statusLine } from '../forms.js';
import { missionName } from '../missions.js';

export function signInPage(root: HTMLElement, done: () => void, withHeading = true): () => void {
  const tokenStatus = statusLine();
  const tokenForm = h('form', { class: 'card', 'aria-labelledby': 'token-title' },
    h('h2', { id: 'token-title' }, t('signIn.token')),
    h('p', {}, t('signIn.tokenHint')),
    input('token', t('signIn.token'), { autocomplete: 'off', required: true }),
    h('button', { type: 'submit' }, t('signIn.tokenSubmit')),
    tokenStatus);
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const session = sessionFromToken(formValue(tokenForm, 'token'));
    if (!session) {
      tokenStatus.className = 'form-status error';
      tokenStatus.textContent = t('signIn.tokenInvalid');
      return;
    }
    signIn(session);
    done();
  });
  const devSlot = h('div');
  root.replaceChildren(...(withHeading ? [h('h1', {}, t('signIn.title'))] : []), devSlot, tokenForm);
  void devSignInEnabled().then((enabled) => {
    if (!enabled) return;
    const status = statusLine();
    const form = h('form', { class: 'card', 'aria-labelledby': 'dev-title' },
      h('h2', { id: 'dev-title' }, t('signIn.dev')),
      h('p', {}, t('signIn.devHint')),
      input('userId', t('signIn.user'), { value: 'cw-1', required: true, autocomplete: 'username' }),
      select('role', t('signIn.role'), 'role', TOKEN_ROLES, 'caseworker'),
      select('mission', t('signIn.mission'), 'mission', MISSIONS.map((m) => m.code), { selected: 'KR-SEL', labelOf: missionName }),
      h('button', { type: 'submit' }, t('signIn.submit')),
      status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      devSignIn(formValue(form, 'userId'), formValue(form, 'role'), formValue(form, 'mission')).then(
        (session) => {
          signIn(session);
          done();
        },
        (error: unknown) => {
          status.className = 'form-status error';
          status.textContent = String(error);
        },
      );
    });
    devSlot.replaceChildren(form);
  });
  return () => undefined;
}
