// The console's shell: header (who is signed in, language switch, sign out), navigation and the page of the
// current address. Addresses are #/board, #/inbox, #/new, #/case/<case number>, #/erase (the admin's): never
// personal data.
import { h, show } from './dom.js';
import { LANGUAGES, label, language, setLanguage, t } from './i18n.js';
import { currentSession, signOut, type Session } from './identity.js';
import { boardPage } from './pages/board.js';
import { caseViewPage } from './pages/case-view.js';
import { erasurePage } from './pages/erasure.js';
import { inboxPage } from './pages/inbox.js';
import { newCasePage } from './pages/new-case.js';
import { signInPage } from './pages/sign-in.js';
import { SUPERVISING_ROLES } from './permissions.js';

const header = document.getElementById('header')!;
const main = document.getElementById('main')!;
let stopPage: () => void = () => undefined;

const isAdmin = (session: Session): boolean => session.role === 'admin';
const home = (session: Session): string => (isAdmin(session) ? '#/erase' : SUPERVISING_ROLES.includes(session.role) ? '#/board' : '#/inbox');

function drawHeader(session: Session | undefined): void {
  const switcher = h('select', { id: 'language', 'aria-label': t('nav.language') },
    ...LANGUAGES.map((code) => h('option', { value: code, selected: code === language() }, code === 'vi' ? 'Tiếng Việt' : 'English')));
  switcher.addEventListener('change', () => {
    setLanguage(switcher.value as 'vi' | 'en');
    route();
    document.getElementById('language')?.focus();
  });
  const nav = session
    ? h('nav', { 'aria-label': t('app.title') }, h('ul', {}, ...(isAdmin(session)
        ? [h('li', {}, h('a', { href: '#/erase' }, t('nav.erasure')))]
        : [SUPERVISING_ROLES.includes(session.role) ? h('li', {}, h('a', { href: '#/board' }, t('nav.board'))) : null,
            h('li', {}, h('a', { href: '#/inbox' }, t('nav.inbox'))),
            h('li', {}, h('a', { href: '#/new' }, t('nav.newCase')))])))
    : null;
  const out = session ? h('button', { type: 'button', class: 'secondary', id: 'sign-out' }, t('nav.signOut')) : null;
  out?.addEventListener('click', () => {
    signOut();
    location.hash = '#/';
    route();
  });
  show(header,
    h('a', { href: '#main', class: 'skip' }, t('app.skip')),
    h('span', { class: 'brand' }, t('app.title')),
    nav,
    h('span', { class: 'who' }, session ? t('nav.signedInAs', { user: session.userId, role: label('role', session.role), missions: session.missions.join(', ') }) : ''),
    h('label', { for: 'language', class: 'visually-hidden' }, t('nav.language')), switcher,
    out);
}

function route(): void {
  stopPage();
  document.title = t('app.title');
  document.documentElement.lang = language();
  const session = currentSession();
  drawHeader(session);
  if (!session) {
    stopPage = signInPage(main, () => {
      location.hash = home(currentSession()!);
      route();
    });
    return;
  }
  const path = location.hash.replace(/^#/, '');
  const caseMatch = /^\/case\/([^/]+)$/.exec(path);
  // An admin reads no case: a case address offers them the erasure of that case, and nothing else.
  if (isAdmin(session) && (caseMatch || path === '/erase')) stopPage = erasurePage(main, caseMatch ? decodeURIComponent(caseMatch[1]!) : undefined);
  else if (isAdmin(session)) {
    location.replace(home(session));
    return;
  } else if (caseMatch) stopPage = caseViewPage(main, session, decodeURIComponent(caseMatch[1]!));
  else if (path === '/board') stopPage = boardPage(main, session);
  else if (path === '/inbox') stopPage = inboxPage(main, session);
  else if (path === '/new') stopPage = newCasePage(main, (caseId) => (location.hash = `#/case/${encodeURIComponent(caseId)}`));
  else {
    location.replace(home(session));
    return;
  }
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
route();
