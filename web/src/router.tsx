import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLoading } from './components/QueryState';
import { NotFound, RouteError } from './features/errors/NotFound';
import { ROLE_MODULES } from './roles';
import { page } from './roles/roleModule';
import { HomeRedirect, RoleGate } from './session/RoleGate';
import { ViewerRoot } from './session/ViewerRoot';

export const routes: RouteObject[] = [
  {
    element: <ViewerRoot />,
    errorElement: <RouteError />,
    // Every screen is its own chunk (route `lazy`); this shows while the first one loads.
    hydrateFallbackElement: <AppLoading />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/login', lazy: page(() => import('./features/login/LoginPage'), 'LoginPage') },
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
