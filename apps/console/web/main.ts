// The console's shell: header (who is signed in, navigation for the role, language switch, sign out) and the page
// of the current address. Addresses are #/board, #/cases?…, #/inbox, #/search, #/new, #/break-glass, #/audit,
// #/erase, #/case/<case number> and #/case/<case number>/print: never personal data. The session is shared by
// every tab; an address asked for before signing in is where signing in leads. When the session ends under a page
// (a 401), the page stays as it is and a dialog asks to sign in again, so nothing typed is lost.
import { get, SESSION_ENDED } from './api.js';
import { h, show } from './dom.js';
import { LANGUAGES, label, language, setLanguage, t } from './i18n.js';
import { currentSession, onSessionChangedElsewhere, rememberReturnAddress, signOut, takeReturnAddress, type Session } from './identity.js';
import { missionName } from './missions.js';
import { auditPage } from './pages/audit.js';
import { boardPage } from './pages/board.js';
import { breakGlassPage } from './pages/break-glass.js';
import { caseListPage } from './pages/case-list.js';
import { casePrintPage } from './pages/case-print.js';
import { caseViewPage } from './pages/case-view.js';
import { erasurePage } from './pages/erasure.js';
import { inboxPage } from './pages/inbox.js';
import { newCasePage } from './pages/new-case.js';
import { searchPage } from './pages/search.js';
import { signInPage } from './pages/sign-in.js';
import { SUPERVISING_ROLES } from './permissions.js';

const header = document.getElementById('header')!;
const main = document.getElementById('main')!;
let stopPage: () => void = () => undefined;

const CASE_WORKERS = ['caseworker', 'supervisor', 'hq_officer'];
/** The pages of each role, in the order of the navigation. */
function pagesOf(session: Session): Array<{ path: string; key: Parameters<typeof t>[0] }> {
  if (session.role === 'admin') return [{ path: '/erase', key: 'nav.erasure' }];
  if (session.role === 'auditor') return [{ path: '/audit', key: 'nav.audit' }];
  if (!CASE_WORKERS.includes(session.role)) return [];
  return [
    ...(SUPERVISING_ROLES.includes(session.role) ? [{ path: '/board', key: 'nav.board' as const }, { path: '/cases', key: 'nav.cases' as const }] : []),
    ...(session.role === 'caseworker' ? [{ path: '/inbox', key: 'nav.inbox' as const }] : []),
    { path: '/search', key: 'nav.search' },
    { path: '/new', key: 'nav.newCase' },
    { path: '/break-glass', key: 'nav.breakGlass' },
  ];
}
const home = (session: Session): string => `#${pagesOf(session)[0]?.path ?? '/none'}`;

function drawHeader(session: Session | undefined): void {
  const switcher = h('select', { id: 'language', 'aria-label': t('nav.language') },
    ...LANGUAGES.map((code) => h('option', { value: code, selected: code === language(), lang: code }, code === 'vi' ? 'Tiếng Việt' : 'English')));
  switcher.addEventListener('change', () => {
    setLanguage(switcher.value as 'vi' | 'en');
    route();
    document.getElementById('language')?.focus();
  });
  const current = location.hash.replace(/^#/, '').split('?')[0];
  const nav = session
    ? h('nav', { 'aria-label': t('nav.main') }, h('ul', {}, ...pagesOf(session).map((page) =>
        h('li', {}, h('a', { href: `#${page.path}`, 'aria-current': current === page.path ? 'page' : null }, t(page.key))))))
    : null;
  const out = session ? h('button', { type: 'button', class: 'secondary', id: 'sign-out' }, t('nav.signOut')) : null;
  out?.addEventListener('click', () => {
    signOut(true);
    location.hash = '#/';
    route();
  });
  show(header,
    h('a', { href: '#main', class: 'skip' }, t('app.skip')),
    h('span', { class: 'brand' }, t('app.title')),
    nav,
    h('span', { class: 'who', 'data-testid': 'who' }, session ? t('nav.signedInAs', { user: session.userId, role: label('role', session.role), missions: session.missions.map(missionName).join(', ') }) : ''),
    h('span', { class: 'language' }, h('label', { for: 'language', class: 'visually-hidden' }, t('nav.language')), switcher),
    out);
}

/** Tells the API who signed in (it keeps the staff directory that assignment pickers list), once per page load. */
let announced = '';
function announce(session: Session): void {
  if (announced === session.token) return;
  announced = session.token;
  void get('/v1/me');
}

function route(): void {
  stopPage();
  stopPage = () => undefined;
  document.title = t('app.title');
  document.documentElement.lang = language();
  const session = currentSession();
  drawHeader(session);
  if (!session) {
    rememberReturnAddress(location.hash);
    stopPage = signInPage(main, () => {
      const next = currentSession()!;
      location.hash = takeReturnAddress() ?? home(next);
      route();
    });
    return;
  }
  announce(session);
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const caseMatch = /^\/case\/([^/]+)(\/print)?$/.exec(path);
  const caseId = caseMatch ? decodeURIComponent(caseMatch[1]!) : undefined;
  const allowed = pagesOf(session).map((p) => p.path);
  document.title = `${pageTitle(path)} — ${t('app.title')}`;
  // An admin reads no case: a case address offers them the erasure of that case, and nothing else.
  if (session.role === 'admin') {
    if (caseId || path === '/erase') stopPage = erasurePage(main, caseId);
    else return location.replace(home(session));
  } else if (caseId && CASE_WORKERS.includes(session.role)) {
    stopPage = caseMatch![2] ? casePrintPage(main, caseId) : caseViewPage(main, caseId);
  } else if (!allowed.length) {
    show(main, h('h1', {}, t('none.title')), h('p', { 'data-testid': 'no-pages' }, t('none.text', { role: label('role', session.role) })));
  } else if (!allowed.includes(path)) {
    return location.replace(home(session));
  } else if (path === '/board') stopPage = boardPage(main, session, params);
  else if (path === '/cases') stopPage = caseListPage(main, session, params);
  else if (path === '/inbox') stopPage = inboxPage(main);
  else if (path === '/search') stopPage = searchPage(main);
  else if (path === '/break-glass') stopPage = breakGlassPage(main);
  else if (path === '/audit') stopPage = auditPage(main);
  else if (path === '/new') stopPage = newCasePage(main, (id) => (location.hash = `#/case/${encodeURIComponent(id)}`));
  main.focus({ preventScroll: true });
}

function pageTitle(path: string): string {
  if (path.startsWith('/case/')) return t('case.title', { id: decodeURIComponent(path.split('/')[2] ?? '') });
  const key = ({ '/board': 'nav.board', '/cases': 'nav.cases', '/inbox': 'nav.inbox', '/search': 'nav.search', '/new': 'nav.newCase', '/break-glass': 'nav.breakGlass', '/audit': 'nav.audit', '/erase': 'nav.erasure' } as const)[path];
  return key ? t(key) : t('signIn.title');
}

/** The session ended under this page: sign in again in a dialog, the page (and what was typed) left as it is. */
function askToSignInAgain(): void {
  if (document.getElementById('session-ended')) return;
  const body = h('div');
  const dialog = h('dialog', { id: 'session-ended', 'aria-labelledby': 'session-ended-title', class: 'confirm' },
    h('h2', { id: 'session-ended-title' }, t('session.ended')), h('p', {}, t('session.endedHint')), body);
  document.body.append(dialog);
  dialog.showModal();
  signInPage(body, () => {
    dialog.close();
    dialog.remove();
    drawHeader(currentSession());
  }, false);
}

window.addEventListener(SESSION_ENDED, askToSignInAgain);
window.addEventListener('hashchange', route);
// Another tab signed in again (close this tab's dialog), found the session ended (ask here too, keeping the page),
// or the person signed out there (clear this tab's page as well).
onSessionChangedElsewhere((change) => {
  if (change === 'signed_out') return route();
  if (change === 'ended') return askToSignInAgain();
  document.getElementById('session-ended')?.remove();
  drawHeader(currentSession());
});
route();
