import { ACTIVITY_LABELS, ACTIVITY_STATES, type ActivityState } from '../../../../shared/usage';
import { ACTIVITY_MEANINGS } from './usage-format';

/** The inventory, filtered to the agents in one activity state. */
export const inventoryHrefOf = (state: ActivityState) => `#/?activity=${encodeURIComponent(state)}`;

/** Agents by code against runtime: each count opens the inventory filtered to those agents. */
export function ActivityCounts({ activity }: { activity: Record<ActivityState, number> }) {
  return (
    <section className="usage-activity" aria-labelledby="usage-activity-title">
      <h2 id="usage-activity-title" className="usage-section-title">
        Agents by activity
      </h2>
      <ul className="usage-activity__list">
        {ACTIVITY_STATES.map((state) => (
          <li key={state}>
            <a className={`usage-activity__link usage-activity__link--${state}`} href={inventoryHrefOf(state)}>
              <span className="usage-activity__count">{activity[state].toLocaleString()}</span>
              <span className="usage-activity__label">{ACTIVITY_LABELS[state]}</span>
              <span className="usage-activity__meaning">{ACTIVITY_MEANINGS[state]}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
