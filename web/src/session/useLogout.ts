import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LogoutDocument } from '../generated/graphql';
import { useSession } from './context';

/** Logs out on the server (clears the cookie), then recreates the client and goes to /login. */
export function useLogout() {
  const [, logoutMutation] = useMutation(LogoutDocument);
  const { resetClient } = useSession();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);

  const logout = useCallback(async () => {
    setLoggingOut(true);
    try {
      await logoutMutation({});
    } finally {
      // Even if the request failed, forget everything client-side; the viewer query decides what is true.
      resetClient();
      void navigate('/login', { replace: true });
    }
  }, [logoutMutation, resetClient, navigate]);

  return { logout, loggingOut };
}
