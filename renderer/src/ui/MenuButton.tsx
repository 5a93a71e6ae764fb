import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './menu-button.css';

export interface MenuItem {
  key: string;
  label: string;
  /** A second line, e.g. a file path. */
  detail?: string;
  disabled?: boolean;
  onSelect: () => void;
}

export interface MenuSection {
  key: string;
  /** Names the group for assistive technology and draws a small heading. */
  label?: string;
  items: readonly MenuItem[];
  /** Shown instead of items when there are none. */
  emptyText?: string;
}

/** A button that opens a menu (WAI-ARIA menu button pattern): arrows move, Enter picks, Esc or a click outside closes. */
export function MenuButton({ label, sections, align = 'start' }: { label: string; sections: readonly MenuSection[]; align?: 'start' | 'end' }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuItems().find((el) => el.getAttribute('aria-disabled') !== 'true')?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems();
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const select = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  return (
    <div className="menu-button" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="menu-button__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span className="menu-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-label={label} className={`menu menu--${align}`} onKeyDown={moveFocus}>
          {sections.map((section) => (
            <div key={section.key} role="group" aria-label={section.label} className="menu__section">
              {section.label && (
                <div className="menu__heading" aria-hidden="true">
                  {section.label}
                </div>
              )}
              {section.items.length === 0 && section.emptyText && <div className="menu__empty">{section.emptyText}</div>}
              {section.items.map((item) => (
                <div
                  key={item.key}
                  role="menuitem"
                  tabIndex={-1}
                  aria-disabled={item.disabled || undefined}
                  className="menu__item"
                  onClick={() => select(item)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select(item);
                    }
                  }}
                >
                  <span className="menu__label">{item.label}</span>
                  {item.detail && <span className="menu__detail">{item.detail}</span>}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
