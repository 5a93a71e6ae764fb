import { useId, useState, type FormEvent } from 'react';
import type { ModelPrice } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { DateField, TextField } from '../../ui/fields';

type RateField = 'inputPerMTok' | 'cachedInputPerMTok' | 'cacheWritePerMTok' | 'cacheWrite1hPerMTok' | 'outputPerMTok';
const RATES: ReadonlyArray<{ field: RateField; label: string }> = [
  { field: 'inputPerMTok', label: 'Input' },
  { field: 'cachedInputPerMTok', label: 'Cached input' },
  { field: 'cacheWritePerMTok', label: 'Cache write (5 min)' },
  { field: 'cacheWrite1hPerMTok', label: 'Cache write (1 hour)' },
  { field: 'outputPerMTok', label: 'Output' },
];

const today = () => new Date().toISOString().slice(0, 10);

/** A rate as typed: a number of USD per million tokens, 0 allowed (a model that does not charge for it). */
export function rateError(text: string): string | null {
  if (text.trim() === '') return 'Enter a price (0 if it is free)';
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return 'A number of USD, 0 or more';
  if (n > 100_000) return 'At most 100,000 USD per million tokens';
  return null;
}

/**
 * Enter or change a model's price, per million tokens. The engine checks it again and its message
 * is shown as it says it; the person's price is audited and replaces the bundled one.
 */
export function PriceDialog({ price, model, onClose }: { price: ModelPrice | null; model: string | null; onClose: () => void }) {
  const acting = useAppStore((s) => s.usageActing);
  const error = useAppStore((s) => s.usageActionError);
  const savePrice = useAppStore((s) => s.saveModelPrice);
  const clearError = useAppStore((s) => s.clearUsageActionError);
  const formId = useId();
  const [name, setName] = useState(price?.model ?? model ?? '');
  const [rates, setRates] = useState<Record<RateField, string>>({
    inputPerMTok: price ? String(price.inputPerMTok) : '',
    cachedInputPerMTok: price ? String(price.cachedInputPerMTok) : '',
    cacheWritePerMTok: price ? String(price.cacheWritePerMTok) : '0',
    cacheWrite1hPerMTok: price ? String(price.cacheWrite1hPerMTok) : '0',
    outputPerMTok: price ? String(price.outputPerMTok) : '',
  });
  const [takenOn, setTakenOn] = useState<string | null>(price?.origin === 'person' ? price.takenOn : today());
  const [source, setSource] = useState(price?.origin === 'person' ? price.source : '');
  const [checked, setChecked] = useState(false);
  const busy = acting === 'price';
  const fixedModel = price !== null || model !== null;

  const nameError = name.trim() === '' ? 'Name the model as the usage does (e.g. gpt-4o-2024-08-06)' : null;
  const dateError = takenOn === null ? 'When the price was taken' : null;
  const invalid = nameError !== null || dateError !== null || RATES.some((r) => rateError(rates[r.field]) !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (invalid || takenOn === null) return;
    const saved = await savePrice({
      model: name.trim(),
      inputPerMTok: Number(rates.inputPerMTok),
      cachedInputPerMTok: Number(rates.cachedInputPerMTok),
      cacheWritePerMTok: Number(rates.cacheWritePerMTok),
      cacheWrite1hPerMTok: Number(rates.cacheWrite1hPerMTok),
      outputPerMTok: Number(rates.outputPerMTok),
      takenOn,
      source: source.trim(),
    });
    if (saved) onClose();
  };
  const close = () => {
    clearError();
    onClose();
  };

  return (
    <Dialog
      title={price ? `Price of ${price.model}` : model ? `Add a price for ${model}` : 'Add a price'}
      onClose={busy ? undefined : close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save price'}
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        {!fixedModel && <TextField label="Model" value={name} onChange={setName} error={checked ? nameError : null} hint="As the usage names it, e.g. gpt-4o-2024-08-06" autoFocus />}
        <fieldset className="usage-rates">
          <legend className="field__label">USD per million tokens</legend>
          {RATES.map((r, i) => (
            <TextField
              key={r.field}
              label={r.label}
              inputMode="decimal"
              value={rates[r.field]}
              onChange={(v) => setRates((s) => ({ ...s, [r.field]: v }))}
              error={checked ? rateError(rates[r.field]) : null}
              autoFocus={fixedModel && i === 0}
            />
          ))}
        </fieldset>
        <div className="usage-form-row">
          <DateField label="Price taken on" value={takenOn} onChange={setTakenOn} error={checked ? dateError : null} />
          <TextField label="Source" value={source} onChange={setSource} hint="Where the price comes from: the pricing page, a contract, an invoice." maxLength={500} />
        </div>
      </form>
      {error && <ErrorBanner title="Price not saved">{error}</ErrorBanner>}
    </Dialog>
  );
}
