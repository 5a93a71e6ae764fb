import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import './data-table.css';

export type SortDirection = 'asc' | 'desc';

export interface Column<Row, SortKey extends string> {
  key: string;
  header: string;
  /** A tooltip on the header: what the column means, or why it says little. */
  headerTitle?: string;
  /** Narrowest the column gets, in px; the table scrolls sideways below the sum of these. */
  minWidth: number;
  /** Share of the spare width (CSS fr); 0 keeps the column at minWidth. */
  grow?: number;
  sortKey?: SortKey;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row, SortKey extends string> {
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row, SortKey>[];
  rowKey: (row: Row) => string;
  onOpen: (row: Row) => void;
  sort?: { key: SortKey; direction: SortDirection };
  onSort?: (key: SortKey) => void;
  busy?: boolean;
  /** Shown in place of the rows when there are none. */
  emptyText?: ReactNode;
  /** A class for rows that must stand apart (e.g. the "unattributed" row of a totals table). */
  rowClassName?: (row: Row) => string | undefined;
}

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 32;
const PAGE_ROWS = 15;

/**
 * A virtualised grid: only the rows in view are in the DOM, so 10,000 agents scroll as smoothly
 * as 10. Focus stays on the grid and aria-activedescendant names the active row, which is the
 * pattern that survives rows being recycled under the cursor.
 */
export function DataTable<Row, SortKey extends string>({ label, rows, columns, rowKey, onOpen, sort, onSort, busy, emptyText, rowClassName }: DataTableProps<Row, SortKey>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const indexByKey = useMemo(() => new Map(rows.map((row, i) => [rowKey(row), i])), [rows, rowKey]);
  const activeIndex = activeKey === null ? -1 : (indexByKey.get(activeKey) ?? -1);

  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is not used; the virtualizer is read fresh on every render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualRows = virtualizer.getVirtualItems();

  const layout = {
    '--table-columns': columns.map((c) => (c.grow ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`)).join(' '),
    minWidth: columns.reduce((sum, c) => sum + c.minWidth, 0),
  } as CSSProperties;

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const activate = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row === undefined) return;
    const key = rowKey(row);
    setActiveKey(key);
    virtualizer.scrollToIndex(indexByKey.get(key) ?? 0, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + PAGE_ROWS,
      PageUp: activeIndex - PAGE_ROWS,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      activate(target);
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      const row = rows[activeIndex];
      if (row !== undefined) onOpen(row);
    }
  };

  const activeIsRendered = virtualRows.some((v) => v.index === activeIndex);

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-busy={busy || undefined}
      aria-activedescendant={activeIsRendered ? rowId(activeIndex) : undefined}
      tabIndex={0}
      className="table"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && activeIndex < 0 && rows.length > 0) activate(0);
      }}
    >
      <div className="table__inner" style={layout}>
        <div role="rowgroup" className="table__head">
          <div role="row" aria-rowindex={1} className="table__row table__row--head">
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </div>
        </div>
        {rows.length === 0 && emptyText ? (
          <div className="table__empty">{emptyText}</div>
        ) : (
          <div role="rowgroup" className="table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((virtualRow) => {
              const row = rows[virtualRow.index];
              if (row === undefined) return null;
              const active = virtualRow.index === activeIndex;
              return (
                <div
                  key={virtualRow.key}
                  id={rowId(virtualRow.index)}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  aria-selected={active}
                  className={['table__row', active ? 'table__row--active' : null, rowClassName?.(row)].filter(Boolean).join(' ')}
                  style={{ transform: `translateY(${virtualRow.start - HEADER_HEIGHT}px)` }}
                  onClick={() => {
                    setActiveKey(rowKey(row));
                    onOpen(row);
                  }}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="gridcell" className="table__cell">
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

function HeaderCell<Row, SortKey extends string>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row, SortKey>;
  sort?: { key: SortKey; direction: SortDirection };
  onSort?: (key: SortKey) => void;
}) {
  const { sortKey } = column;
  if (sortKey === undefined || !onSort) {
    return (
      <div role="columnheader" className="table__cell table__cell--head" title={column.headerTitle}>
        {column.header}
      </div>
    );
  }
  const direction = sort?.key === sortKey ? sort.direction : null;
  return (
    <div role="columnheader" className="table__cell table__cell--head" title={column.headerTitle} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="table__sort" onClick={() => onSort(sortKey)}>
        {column.header}
        <span className="table__sort-mark" aria-hidden="true">
          {direction === 'asc' ? '↑' : direction === 'desc' ? '↓' : ''}
        </span>
      </button>
    </div>
  );
}
