import type { ReactNode } from 'react';
import './error-banner.css';

/** An error the person must read; role=alert so it is announced the moment it appears. */
export function ErrorBanner({ title, children, onDismiss }: { title?: string; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div className="error-banner" role="alert">
      <div className="error-banner__text">
        {title && <strong className="error-banner__title">{title}</strong>}
        <span>{children}</span>
      </div>
      {onDismiss && (
        <button type="button" className="dismiss-button error-banner__dismiss" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      )}
    </div>
  );
}
