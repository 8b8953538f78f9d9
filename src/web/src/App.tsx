import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { checkExpiry, useAuth } from './auth/AuthContext';
import { CallerProvider, useCaller } from './auth/CallerContext';
import { startsOnOverview } from './lib/access';
import { signInPath } from './lib/session';
import { AppLayout } from './layout/AppLayout';
import { Guard } from './layout/Guard';
import { NotFound } from './components/Forbidden';

// Every page is its own chunk: the first page does not download the others (nor ECharts/Cytoscape unless it uses them).
const SignInPage = lazy(() => import('./pages/SignInPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const SchoolsPage = lazy(() => import('./pages/SchoolsPage'));
const SchoolPage = lazy(() => import('./pages/SchoolPage'));
const IdentificationPage = lazy(() => import('./pages/IdentificationPage'));
const PairingPage = lazy(() => import('./pages/PairingPage'));
const PairsPage = lazy(() => import('./pages/PairsPage'));
const PairPage = lazy(() => import('./pages/PairPage'));
const GraphPage = lazy(() => import('./pages/GraphPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const PracticeBankPage = lazy(() => import('./pages/PracticeBankPage'));
const PracticePage = lazy(() => import('./pages/PracticePage'));
const PracticeFormPage = lazy(() => import('./pages/PracticeFormPage'));
const MyPracticesPage = lazy(() => import('./pages/MyPracticesPage'));
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage'));
const DevelopmentPage = lazy(() => import('./pages/DevelopmentPage'));
const MentorPage = lazy(() => import('./pages/MentorPage'));
const RelationPage = lazy(() => import('./pages/RelationPage'));
const TeacherPage = lazy(() => import('./pages/TeacherPage'));
const MySchoolPage = lazy(() => import('./pages/MySchoolPage'));
const AssociationsPage = lazy(() => import('./pages/AssociationsPage'));
const ProgrammesPage = lazy(() => import('./pages/ProgrammesPage'));
const ProgrammePage = lazy(() => import('./pages/ProgrammePage'));
const RecommendationsPage = lazy(() => import('./pages/RecommendationsPage'));
const HelpLogPage = lazy(() => import('./pages/HelpLogPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
const EventsPage = lazy(() => import('./pages/EventsPage'));
const RoadmapsPage = lazy(() => import('./pages/RoadmapsPage'));
const MonitoringCalendarPage = lazy(() => import('./pages/monitoring/MonitoringCalendarPage'));
const MonitoringDashboardPage = lazy(() => import('./pages/monitoring/MonitoringDashboardPage'));
const MonitoringTargetsPage = lazy(() => import('./pages/monitoring/MonitoringTargetsPage'));

/** Coordinators start on the regional overview; every other role on its personal start page. */
function StartPage() {
  const caller = useCaller();
  return startsOnOverview(caller)
    ? <Guard page="overview"><OverviewPage /></Guard>
    : <Guard page="home"><HomePage /></Guard>;
}

const fallback = <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>;

export function App() {
  const { session } = useAuth();
  const location = useLocation();

  useEffect(() => {
    const timer = window.setInterval(() => checkExpiry(session), 30_000);
    return () => window.clearInterval(timer);
  }, [session]);

  if (location.pathname === '/signin') {
    return <Suspense fallback={fallback}><SignInPage /></Suspense>;
  }
  if (!session) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  return (
    <CallerProvider>
      <AppLayout>
        <Suspense fallback={fallback}>
          <Routes>
            <Route path="/" element={<StartPage />} />
            <Route path="/home" element={<Guard page="home"><HomePage /></Guard>} />
            <Route path="/practices" element={<Guard page="practices"><PracticeBankPage /></Guard>} />
            <Route path="/practices/new" element={<Guard page="myPractices"><PracticeFormPage /></Guard>} />
            <Route path="/practices/:id" element={<Guard page="practices"><PracticePage /></Guard>} />
            <Route path="/practices/:id/edit" element={<Guard page="myPractices"><PracticeFormPage /></Guard>} />
            <Route path="/my-practices" element={<Guard page="myPractices"><MyPracticesPage /></Guard>} />
            <Route path="/review" element={<Guard page="review"><ReviewQueuePage /></Guard>} />
            <Route path="/development" element={<Guard page="development"><DevelopmentPage /></Guard>} />
            <Route path="/mentoring" element={<Guard page="mentoring"><MentorPage /></Guard>} />
            <Route path="/mentoring/:id" element={<Guard page="teacher"><RelationPage /></Guard>} />
            <Route path="/teachers/:id" element={<Guard page="teacher"><TeacherPage /></Guard>} />
            <Route path="/my-school" element={<Guard page="mySchool"><MySchoolPage /></Guard>} />
            <Route path="/associations" element={<Guard page="associations"><AssociationsPage /></Guard>} />
            <Route path="/programmes" element={<Guard page="programmes"><ProgrammesPage /></Guard>} />
            <Route path="/programmes/:id" element={<Guard page="programme"><ProgrammePage /></Guard>} />
            <Route path="/recommendations" element={<Guard page="recommendations"><RecommendationsPage /></Guard>} />
            <Route path="/help-log" element={<Guard page="helpLog"><HelpLogPage /></Guard>} />
            <Route path="/reports" element={<Guard page="reports"><ReportsPage /></Guard>} />
            <Route path="/events" element={<Guard page="events"><EventsPage /></Guard>} />
            <Route path="/monitoring/calendar" element={<Guard page="monitoringCalendar"><MonitoringCalendarPage /></Guard>} />
            <Route path="/schools" element={<Guard page="schools"><SchoolsPage /></Guard>} />
            <Route path="/schools/:id" element={<Guard page="school"><SchoolPage /></Guard>} />
            <Route path="/identification" element={<Guard page="identification"><IdentificationPage /></Guard>} />
            <Route path="/pairing" element={<Guard page="pairing"><PairingPage /></Guard>} />
            <Route path="/pairs" element={<Guard page="pairs"><PairsPage /></Guard>} />
            <Route path="/pairs/:id" element={<Guard page="pairs"><PairPage /></Guard>} />
            <Route path="/graph" element={<Guard page="graph"><GraphPage /></Guard>} />
            <Route path="/import" element={<Guard page="import"><ImportPage /></Guard>} />
            <Route path="/roadmaps" element={<Guard page="roadmaps"><RoadmapsPage /></Guard>} />
            <Route path="/monitoring" element={<Guard page="monitoring"><MonitoringDashboardPage /></Guard>} />
            <Route path="/monitoring/municipalities/:municipalityId" element={<Guard page="monitoring"><MonitoringDashboardPage /></Guard>} />
            <Route path="/monitoring/schools/:schoolId" element={<Guard page="monitoring"><MonitoringDashboardPage /></Guard>} />
            <Route path="/monitoring-targets" element={<Guard page="monitoringTargets"><MonitoringTargetsPage /></Guard>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </CallerProvider>
  );
}
