import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

/**
 * A row of tabs and the one panel it controls (WAI-ARIA tabs): only the selected tab is in the Tab
 * order, the arrow keys move to (and select) the previous or next tab, Home and End the first and
 * last. The caller owns the selection, so it can live in the address or a store.
 */
export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  size = 'md',
  className,
  panelClassName,
  children,
}: {
  /** The tab list's accessible name. */
  label: string;
  tabs: ReadonlyArray<TabItem<K>>;
  selected: K;
  onSelect: (key: K) => void;
  size?: 'sm' | 'md';
  className?: string;
  panelClassName?: string;
  /** The selected tab's panel. */
  children: ReactNode;
}) {
  const idPrefix = useId();
  const refs = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.key === selected);
    let nextIndex: number;
    if (event.key === 'ArrowRight') nextIndex = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') nextIndex = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') nextIndex = 0;
    else if (event.key === 'End') nextIndex = tabs.length - 1;
    else return;
    event.preventDefault();
    const next = tabs[nextIndex];
    if (!next) return;
    onSelect(next.key);
    refs.current[next.key]?.focus();
  };

  return (
    <>
      <div className={['tabs', `tabs--${size}`, className].filter(Boolean).join(' ')} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={tabId(t.key)}
            aria-selected={selected === t.key}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected === t.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={tabId(selected)} className={panelClassName}>
        {children}
      </div>
    </>
  );
}
