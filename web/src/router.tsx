import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound, RouteError } from './features/errors/NotFound';
import { LoginPage } from './features/login/LoginPage';
import { ROLE_MODULES } from './roles';
import { HomeRedirect, RoleGate } from './session/RoleGate';
import { ViewerRoot } from './session/ViewerRoot';

export const routes: RouteObject[] = [
  {
    element: <ViewerRoot />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/login', element: <LoginPage /> },
      ...Object.values(ROLE_MODULES).map(
        (module): RouteObject => ({
          path: module.basePath,
          element: <RoleGate module={module} />,
          children: module.routes,
        }),
      ),
      ...Object.values(ROLE_MODULES).flatMap((module): RouteObject[] =>
        module.rootRoutes ? [{ element: <RoleGate module={module} />, children: module.rootRoutes }] : [],
      ),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
