import { useMutation } from 'urql';
import { ViewerLocaleSetDocument } from '../generated/graphql';
import { useViewerContext } from '../session/context';
import { useLocale } from './context';
import { isLocaleCode, toApiLocale } from './locales';

/** Switches the app's language at once and stores the choice on the signed-in user (viewerLocaleSet). */
export function useChooseLocale(): (next: string) => void {
  const { setLocale } = useLocale();
  const { viewer } = useViewerContext();
  const [, store] = useMutation(ViewerLocaleSetDocument);
  return (next) => {
    if (!isLocaleCode(next)) return;
    setLocale(next);
    if (viewer) void store({ input: { locale: toApiLocale(next) } });
  };
}
