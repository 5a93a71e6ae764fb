import { useId, useState, type FormEvent } from 'react';
import type { BudgetStatus } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';

/** A cap as typed: empty is "no cap", otherwise a whole number of tokens (1 or more). */
export function tokenCapError(text: string): string | null {
  if (text.trim() === '') return null;
  const n = Number(text.replaceAll(/[\s,_]/g, ''));
  return Number.isInteger(n) && n >= 1 && n <= 1e13 ? null : 'A whole number of tokens, 1 or more (or empty for no cap)';
}

/** A cap as typed: empty is "no cap", otherwise USD of at least one cent. */
export function costCapError(text: string): string | null {
  if (text.trim() === '') return null;
  const n = Number(text.replace(/^\$/, ''));
  return Number.isFinite(n) && n >= 0.01 && n <= 1e9 ? null : 'USD, at least 0.01 (or empty for no cap)';
}

const tokenCapOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.replaceAll(/[\s,_]/g, '')));
const costCapOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.replace(/^\$/, '')));

/** Daily caps of one agent; the days it went over are counted again over the period once saved. */
export function BudgetDialog({ budget, onClose }: { budget: BudgetStatus; onClose: () => void }) {
  const acting = useAppStore((s) => s.usageActing);
  const error = useAppStore((s) => s.usageActionError);
  const saveBudget = useAppStore((s) => s.saveBudget);
  const clearError = useAppStore((s) => s.clearUsageActionError);
  const formId = useId();
  const [tokens, setTokens] = useState(budget.dailyTokenCap === null ? '' : String(budget.dailyTokenCap));
  const [cost, setCost] = useState(budget.dailyCostCapUsd === null ? '' : String(budget.dailyCostCapUsd));
  const busy = acting === 'budget';
  const tokensError = tokenCapError(tokens);
  const costError = costCapError(cost);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tokensError || costError) return;
    if (await saveBudget({ agentId: budget.agentId, dailyTokenCap: tokenCapOf(tokens), dailyCostCapUsd: costCapOf(cost) })) onClose();
  };
  const close = () => {
    clearError();
    onClose();
  };

  return (
    <Dialog
      title={`Daily budget of ${budget.agentName}`}
      size="sm"
      onClose={busy ? undefined : close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy || tokensError !== null || costError !== null}>
            {busy ? 'Saving…' : 'Save budget'}
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Daily token cap" inputMode="numeric" value={tokens} onChange={setTokens} error={tokensError} hint="Tokens per day, all models. Empty: no cap." autoFocus />
        <TextField label="Daily cost cap (USD)" inputMode="decimal" value={cost} onChange={setCost} error={costError} hint="USD per day. Empty: no cap." />
      </form>
      {error && <ErrorBanner title="Budget not saved">{error}</ErrorBanner>}
    </Dialog>
  );
}
