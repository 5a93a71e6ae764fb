import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { confirmLeave, saveUnsavedChanges } from './app/leave-guard';
import { navigate } from './app/routes';
import { connectHost } from './backend';
import { createAppStore } from './store';
import { StoreProvider } from './store/store-context';
import './ui/tokens.css';
import './ui/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const host = connectHost();
const store = createAppStore(host.backend);
host.onWorkspaceChanged(() => {
  // Whatever page was open belonged to the previous workspace.
  navigate({ page: 'inventory' });
  void store.getState().reloadWorkspace();
});

// The File menu switches workspace from the main process; it asks here first.
host.onLeaveQuestion(confirmLeave);
host.onSaveThenClose(() => {
  void saveUnsavedChanges().then((saved) => {
    if (saved) window.close();
  });
});

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App runWorkspaceCommand={host.runWorkspaceCommand} />
    </StoreProvider>
  </StrictMode>,
);
