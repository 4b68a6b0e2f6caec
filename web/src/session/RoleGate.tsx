/** Guards a role's routes: anonymous → /login (remembering where to return), wrong role → own home. */
import { Navigate, useLocation } from 'react-router';
import { DesktopShell } from '../shell/DesktopShell';
import { MobileShell } from '../shell/MobileShell';
import { roleHome, type RoleModule } from '../roles';
import { useViewerContext } from './context';

export function RoleGate({ module }: { module: RoleModule }) {
  const { viewer } = useViewerContext();
  const location = useLocation();
  if (!viewer) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (viewer.role !== module.role) return <Navigate to={roleHome(viewer.role)} replace />;
  return module.layout === 'mobile' ? <MobileShell module={module} /> : <DesktopShell module={module} />;
}

export function HomeRedirect() {
  const { viewer } = useViewerContext();
  return <Navigate to={viewer ? roleHome(viewer.role) : '/login'} replace />;
}
