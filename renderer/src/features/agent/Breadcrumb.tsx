import { hrefOf } from '../../app/routes';

/** Inventory / [the agent's profile] / where the person is now. */
export function Breadcrumb({ current, parent }: { current: string; parent?: { label: string; href: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <a href={hrefOf({ page: 'inventory' })}>Inventory</a>
        </li>
        {parent && (
          <li>
            <a href={parent.href}>{parent.label}</a>
          </li>
        )}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
