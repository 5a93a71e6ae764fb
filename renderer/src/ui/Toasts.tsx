import { useEffect } from 'react';
import './toasts.css';

export interface ToastMessage {
  id: number;
  tone: 'success' | 'error';
  text: string;
}

const SUCCESS_VISIBLE_MS = 6000;

/**
 * Success toasts are polite status messages that leave by themselves; error toasts are alerts
 * that stay until dismissed, because an error read too late is an error missed.
 */
export function Toasts({ toasts, onDismiss }: { toasts: readonly ToastMessage[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <Toast key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (toast.tone !== 'success') return;
    const timer = setTimeout(() => onDismiss(toast.id), SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast__text">{toast.text}</span>
      <button type="button" className="dismiss-button toast__dismiss" onClick={() => onDismiss(toast.id)} aria-label="Dismiss notification">
        ×
      </button>
    </div>
  );
}
