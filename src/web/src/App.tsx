import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { checkExpiry, useAuth } from './auth/AuthContext';
import { CallerProvider } from './auth/CallerContext';
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
            <Route path="/" element={<Guard page="overview"><OverviewPage /></Guard>} />
            <Route path="/schools" element={<Guard page="schools"><SchoolsPage /></Guard>} />
            <Route path="/schools/:id" element={<Guard page="school"><SchoolPage /></Guard>} />
            <Route path="/identification" element={<Guard page="identification"><IdentificationPage /></Guard>} />
            <Route path="/pairing" element={<Guard page="pairing"><PairingPage /></Guard>} />
            <Route path="/pairs" element={<Guard page="pairs"><PairsPage /></Guard>} />
            <Route path="/pairs/:id" element={<Guard page="pairs"><PairPage /></Guard>} />
            <Route path="/graph" element={<Guard page="graph"><GraphPage /></Guard>} />
            <Route path="/import" element={<Guard page="import"><ImportPage /></Guard>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </CallerProvider>
  );
}
