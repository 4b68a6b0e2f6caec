/** Guards a role's routes: anonymous → /login (remembering where to return), wrong role → own home. */
import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { AppLoading } from '../components/QueryState';
import { roleHome, type RoleModule } from '../roles';
import { useViewerContext } from './context';

// Each layout is its own chunk: the login page loads neither, a creator only the mobile one.
const DesktopShell = lazy(() => import('../shell/DesktopShell').then((m) => ({ default: m.DesktopShell })));
const MobileShell = lazy(() => import('../shell/MobileShell').then((m) => ({ default: m.MobileShell })));

export function RoleGate({ module }: { module: RoleModule }) {
  const { viewer } = useViewerContext();
  const location = useLocation();
  if (!viewer) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (viewer.role !== module.role) return <Navigate to={roleHome(viewer.role)} replace />;
  return (
    <Suspense fallback={<AppLoading />}>
      {module.layout === 'mobile' ? <MobileShell module={module} /> : <DesktopShell module={module} />}
    </Suspense>
  );
}

export function HomeRedirect() {
  const { viewer } = useViewerContext();
  return <Navigate to={viewer ? roleHome(viewer.role) : '/login'} replace />;
}
