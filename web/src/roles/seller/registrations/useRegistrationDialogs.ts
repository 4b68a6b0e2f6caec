/** Which registration each of the row actions' dialogs is open for (null: closed). */
import { useState } from 'react';
import type { MyRegistration, MyRegistrationActions } from './RegistrationRowActions';

export function useRegistrationDialogs() {
  const [withdrawing, setWithdrawing] = useState<MyRegistration | null>(null);
  const [cancelling, setCancelling] = useState<MyRegistration | null>(null);
  const [raising, setRaising] = useState<MyRegistration | null>(null);
  const [historyOf, setHistoryOf] = useState<MyRegistration | null>(null);
  const [editing, setEditing] = useState<MyRegistration | null>(null);
  const actions: MyRegistrationActions = { withdraw: setWithdrawing, cancel: setCancelling, quota: setRaising, terms: setEditing, history: setHistoryOf };
  return { withdrawing, setWithdrawing, cancelling, setCancelling, raising, setRaising, historyOf, setHistoryOf, editing, setEditing, actions };
}

export type RegistrationDialogs = ReturnType<typeof useRegistrationDialogs>;
