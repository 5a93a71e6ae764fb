import { useLayoutEffect, useRef, useState } from 'react';
import type { BadgeTone } from './Badge';
import './chip-list.css';

export interface Chip {
  key: string;
  label: string;
  tone: BadgeTone;
  title?: string;
}

const GAP = 4;

/**
 * Badges in the order given (callers put the most severe first). `wrap` lets them flow onto
 * more lines; otherwise they stay on one line and those that do not fit collapse into "+N",
 * whose tooltip and accessible name list them, so a chip is never silently cut off.
 */
export function ChipList({ chips, label, wrap = false }: { chips: readonly Chip[]; label: string; wrap?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(chips.length);
  const signature = chips.map((c) => c.key).join('|');

  useLayoutEffect(() => {
    const list = ref.current;
    if (wrap || !list) return;
    const measure = () => {
      const widths = [...list.querySelectorAll<HTMLElement>('[data-chip]')].map((el) => el.offsetWidth);
      const moreWidth = list.querySelector<HTMLElement>('[data-chip-more]')?.offsetWidth ?? 28;
      const available = list.clientWidth;
      const all = widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(widths.length - 1, 0);
      if (all <= available) return setShown(widths.length);
      let used = 0;
      let fit = 0;
      for (const w of widths) {
        const next = used + (fit > 0 ? GAP : 0) + w;
        if (next + GAP + moreWidth > available) break;
        used = next;
        fit++;
      }
      setShown(fit);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [signature, wrap]);

  const visible = wrap ? chips.length : Math.min(shown, chips.length);
  const rest = chips.slice(visible);
  return (
    <span ref={ref} className={wrap ? 'chip-list chip-list--wrap' : 'chip-list'} role="list" aria-label={label}>
      {chips.map((c, i) => (
        <span key={c.key} data-chip role="listitem" className={`badge badge--${c.tone}${i >= visible ? ' chip-list__hidden' : ''}`} title={c.title} aria-hidden={i >= visible || undefined}>
          {c.label}
        </span>
      ))}
      {!wrap && (
        <span
          data-chip-more
          role="listitem"
          className={`badge badge--neutral chip-list__more${rest.length === 0 ? ' chip-list__hidden' : ''}`}
          title={rest.map((c) => c.title ?? c.label).join('\n')}
          aria-label={`and ${rest.length} more: ${rest.map((c) => c.label).join(', ')}`}
          aria-hidden={rest.length === 0 || undefined}
        >
          +{rest.length}
        </span>
      )}
    </span>
  );
}
