// Hash history (works behind any static server and with the setup link `/#/setup?token=…`).
// Every page but login and setup needs a session; a page of the menu needs the permission of its menu leaf
// (utils/menu.ts: the x-permission of the API route it reads) in session.permissions.
import { createRouter, createWebHashHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { leafNamed, type SoonArea } from '@/utils/menu';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** i18n keys of the breadcrumb, last one is the page title */
    crumbs?: string[];
  }
}

const AppLayout = () => import('@/layouts/AppLayout.vue');
const ComingSoon = () => import('@/views/common/ComingSoonView.vue');

const soon = (area: SoonArea, path: string, title: string): RouteRecordRaw => ({
  path,
  name: area,
  component: ComingSoon,
  props: { area },
  meta: { crumbs: [title] },
});

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/auth/LoginView.vue'), meta: { public: true } },
  { path: '/setup', name: 'setup', component: () => import('@/views/auth/SetupView.vue'), meta: { public: true } },
  // A resident's page (issue 17): no account, a phone confirmed by a one-time code.
  { path: '/r/verify', name: 'resident-verify', component: () => import('@/views/resident/VerifyDemoView.vue'), meta: { public: true } },
  { path: '/r/report', name: 'resident-report', component: () => import('@/views/resident/ReportView.vue'), meta: { public: true } },
  { path: '/r/mine', name: 'resident-mine', component: () => import('@/views/resident/MineView.vue'), meta: { public: true } },
  { path: '/r/e/:token', name: 'resident-follow', component: () => import('@/views/resident/FollowView.vue'), meta: { public: true } },
  { path: '/totp', name: 'totp', component: () => import('@/views/auth/TotpView.vue') },
  // An A4 printout outside the app's frame (issue 17 visits): a grid's household visit roster.
  { path: '/print/visit-roster', name: 'visit-roster-print', component: () => import('@/views/visit/VisitRosterPrint.vue') },
  // 督办看板 on A4 (issue 17 "Pages": the supervision board of a street or district).
  { path: '/print/supervision-board', name: 'supervision-board-print', component: () => import('@/views/event/SupervisionBoardPrint.vue') },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { crumbs: [] } },
      {
        path: 'org/structure',
        name: 'org-structure',
        component: () => import('@/views/org/OrgStructureView.vue'),
        meta: { crumbs: ['menu.org', 'menu.orgStructure'] },
      },
      {
        path: 'org/positions',
        name: 'org-positions',
        component: () => import('@/views/org/PositionsView.vue'),
        meta: { crumbs: ['menu.org', 'menu.orgPositions'] },
      },
      {
        path: 'org/policies',
        name: 'org-policies',
        component: () => import('@/views/org/PoliciesView.vue'),
        meta: { crumbs: ['menu.org', 'menu.orgPolicies'] },
      },
      {
        path: 'org/import',
        name: 'org-import',
        component: () => import('@/views/org/OrgImportView.vue'),
        meta: { crumbs: ['menu.org', 'menu.orgImport'] },
      },
      {
        path: 'event/queue',
        name: 'event-queue',
        component: () => import('@/views/event/EventQueueView.vue'),
        meta: { crumbs: ['menu.event', 'menu.eventQueue'] },
      },
      {
        path: 'event/whistled',
        name: 'event-whistled',
        component: () => import('@/views/event/WhistleQueueView.vue'),
        meta: { crumbs: ['menu.event', 'menu.eventWhistled'] },
      },
      {
        path: 'event/intake',
        name: 'event-intake',
        component: () => import('@/views/event/EventIntakeView.vue'),
        meta: { crumbs: ['menu.event', 'menu.eventIntake'] },
      },
      {
        path: 'event/report',
        name: 'event-report',
        component: () => import('@/views/event/EventReportView.vue'),
        meta: { crumbs: ['menu.event', 'dupes.report'] },
      },
      {
        path: 'event/rates',
        name: 'event-rates',
        component: () => import('@/views/event/EventRatesView.vue'),
        meta: { crumbs: ['menu.event', 'menu.eventRates'] },
      },
      {
        path: 'event/board',
        name: 'event-board',
        component: () => import('@/views/event/SupervisionBoardView.vue'),
        meta: { crumbs: ['menu.event', 'menu.eventBoard'] },
      },
      {
        path: 'event/patrol',
        name: 'event-patrol',
        component: () => import('@/views/patrol/PatrolView.vue'),
        meta: { crumbs: ['menu.event', 'menu.patrol'] },
      },
      {
        path: 'event/visits',
        name: 'event-visits',
        component: () => import('@/views/visit/VisitsView.vue'),
        meta: { crumbs: ['menu.event', 'menu.visits'] },
      },
      {
        path: 'event/:id(\\d+)',
        name: 'event-detail',
        component: () => import('@/views/event/EventDetailView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { crumbs: ['menu.event', 'menu.eventQueue'] },
      },
      {
        path: 'member/list',
        name: 'member-list',
        component: () => import('@/views/member/MemberListView.vue'),
        meta: { crumbs: ['menu.member', 'menu.memberList'] },
      },
      {
        path: 'member/import',
        name: 'member-import',
        component: () => import('@/views/member/ImportView.vue'),
        meta: { crumbs: ['menu.member', 'menu.memberImport'] },
      },
      {
        path: 'member/development',
        name: 'member-development',
        component: () => import('@/views/member/DevelopmentView.vue'),
        meta: { crumbs: ['menu.member', 'menu.development'] },
      },
      {
        path: 'member/transfers',
        name: 'member-transfers',
        component: () => import('@/views/member/TransferView.vue'),
        meta: { crumbs: ['menu.member', 'menu.transfers'] },
      },
      {
        path: 'member/floating',
        name: 'member-floating',
        component: () => import('@/views/member/FloatingView.vue'),
        meta: { crumbs: ['menu.member', 'menu.floating'] },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('@/views/users/UsersView.vue'),
        meta: { crumbs: ['menu.system', 'menu.users'] },
      },
      {
        path: 'system/calendar',
        name: 'calendar',
        component: () => import('@/views/system/CalendarView.vue'),
        meta: { crumbs: ['menu.system', 'menu.calendar'] },
      },
      {
        path: 'system/open311',
        name: 'open311',
        component: () => import('@/views/system/Open311KeysView.vue'),
        meta: { crumbs: ['menu.system', 'menu.open311'] },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('@/views/audit/AuditView.vue'),
        meta: { crumbs: ['menu.system', 'menu.audit'] },
      },
      { ...soon('security', 'system/security', 'menu.security'), meta: { crumbs: ['menu.system', 'menu.security'] } },
      {
        path: 'me',
        name: 'me',
        component: () => import('@/views/me/MeView.vue'),
        meta: { crumbs: ['menu.me'] },
      },
      soon('life', 'life', 'menu.life'),
      soon('dues', 'dues', 'menu.dues'),
      soon('service', 'service', 'menu.service'),
      {
        path: 'grid',
        name: 'grid',
        component: () => import('@/views/grid/GridsView.vue'),
        meta: { crumbs: ['menu.grid'] },
      },
      soon('assess', 'assess', 'menu.assess'),
      soon('map', 'map', 'menu.map'),
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/common/StatusView.vue'),
        props: { kind: 'forbidden' },
        meta: { crumbs: ['forbidden.title'] },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/common/StatusView.vue'),
        props: { kind: 'notFound' },
        meta: { crumbs: ['notFound.title'] },
      },
    ],
  },
];

/** Where a navigation should go instead, or true to let it through. Exported for tests. */
export async function guard(to: RouteLocationNormalized): Promise<true | Record<string, unknown>> {
  const s = useSessionStore();
  await s.load();
  if (to.meta.public) {
    if (to.name === 'login' && s.signedIn) return { name: 'home' };
    return true;
  }
  if (!s.session) {
    return to.fullPath && to.fullPath !== '/' ? { name: 'login', query: { redirect: to.fullPath } } : { name: 'login' };
  }
  if (s.needsMfa) return to.name === 'totp' ? true : { name: 'totp' };
  if (to.name === 'totp') return { name: 'home' };
  const leaf = leafNamed(to.name);
  if (leaf && !s.holds(leaf.permission)) return { name: 'forbidden' };
  return true;
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach((to) => guard(to));
