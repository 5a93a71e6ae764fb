import { TOKEN_QUERY_PARAM, TOKEN_STORAGE_KEY } from '../../../shared/wire';

/**
 * The web host hands the page its token once, in the URL it prints. Keep it for this tab only and
 * take it out of the address bar so it does not end up in history, bookmarks or screenshots.
 */
export function takeSessionToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}
