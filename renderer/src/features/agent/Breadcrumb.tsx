import { hrefOf } from '../../app/routes';

export function Breadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <a href={hrefOf({ page: 'inventory' })}>Inventory</a>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
