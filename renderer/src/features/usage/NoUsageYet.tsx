import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';

/** Nothing imported yet: which files fill the page, and the one Import dialog to bring them in. */
export function NoUsageYet() {
  const openFileImport = useAppStore((s) => s.openFileImport);
  return (
    <EmptyState
      title="No LLM usage imported yet"
      actions={
        <Button variant="primary" onClick={openFileImport}>
          Import files…
        </Button>
      }
    >
      <p>Import what your providers and gateways record, and each agent’s tokens and cost appear here:</p>
      <ul className="usage-empty__formats">
        <li>OpenAI usage or costs API responses (JSON), or the usage dashboard’s CSV export</li>
        <li>Anthropic usage report or cost report (JSON)</li>
        <li>LiteLLM spend logs (CSV or JSON)</li>
        <li>OpenTelemetry GenAI traces (OTLP JSON)</li>
      </ul>
      <p>Prices and budgets can be set before any usage is imported.</p>
    </EmptyState>
  );
}
