import { hrefOf, type UpcomingSection } from '../../app/routes';
import { EmptyState } from '../../ui/EmptyState';
import { UPCOMING_SECTION_COPY } from './upcoming-sections';
import './upcoming-section-page.css';

export function UpcomingSectionPage({ section }: { section: UpcomingSection }) {
  const copy = UPCOMING_SECTION_COPY[section];
  return (
    <div className="page upcoming-section">
      <header className="page__header">
        <h1>{copy.title}</h1>
      </header>
      <EmptyState title={`Nothing to show yet: ${copy.title} arrives with ${copy.arrivesWith}`}>
        <p>{copy.whatFillsIt}</p>
        <p>
          Meanwhile, complete the Step 0 registry in <a href={hrefOf({ page: 'inventory' })}>Inventory</a>: every later phase builds on it.
        </p>
      </EmptyState>
    </div>
  );
}
