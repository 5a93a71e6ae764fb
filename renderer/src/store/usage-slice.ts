import type { BudgetStatus, ExportedFile, InputOf, ModelPrice, ProductiveUnits, UsageKey, UsageOverview, UsageSeries, UsageTotals } from '../../../shared/contract';
import type { UsageDimension } from '../../../shared/usage';
import { messageOf, type SliceCreator } from './app-state';

export type UsageMetric = 'cost' | 'tokens';
export type BudgetExportFormat = InputOf<'exportBudgets'>['format'];

/** A period of whole UTC days; null ends mean "from the first" / "to the last" imported day. */
export interface UsagePeriod {
  from: string | null;
  to: string | null;
}

/** What one query last answered, whether it is running, and why it failed. */
export interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/** Whose a key is, as a person says it: an agent, the application layer, or (null) nobody said yet. */
export type KeyOwner = { agentId: string } | { application: true } | null;

export interface AgentChoice {
  id: string;
  name: string;
}

/** The series drawn: the top groups, then "other" and "unattributed". */
export const SERIES_TOP = 8;

export interface UsageSlice {
  usagePeriod: UsagePeriod;
  usageBy: UsageDimension;
  usageMetric: UsageMetric;
  usageOverview: Loadable<UsageOverview>;
  usageSeries: Loadable<UsageSeries>;
  usageTotals: Loadable<UsageTotals>;
  usageKeys: Loadable<UsageKey[]>;
  /** Every agent by name, for "Whose key?" and the productive units' agent picker. */
  usageAgents: AgentChoice[] | null;
  /** Prices, and the models in the imported usage that have none (their cost is unknown). */
  modelPrices: Loadable<{ prices: ModelPrice[]; unpricedModels: string[] }>;
  budgets: Loadable<BudgetStatus[]>;
  /** The productive units of the one agent picked on the Budgets tab. */
  productiveUnits: { agentId: string } & Loadable<ProductiveUnits[]>;
  /** What is being saved: 'key:<provider>/<keyId>', 'price', 'price-reset:<model>', 'budget', 'export:<format>', 'units', 'units-delete:<id>'. */
  usageActing: string | null;
  /** Why the last save in a dialog was refused, in the engine's words. */
  usageActionError: string | null;

  /** Headline figures, the series and the totals of the Overview tab, for the period. */
  loadUsageOverview: () => Promise<void>;
  loadUsageSeries: () => Promise<void>;
  loadUsageTotals: () => Promise<void>;
  setUsagePeriod: (change: Partial<UsagePeriod>) => void;
  setUsageBy: (by: UsageDimension) => void;
  setUsageMetric: (metric: UsageMetric) => void;
  loadUsageKeys: () => Promise<void>;
  loadUsageAgents: () => Promise<void>;
  mapUsageKey: (key: Pick<UsageKey, 'provider' | 'keyId'>, owner: KeyOwner) => Promise<boolean>;
  loadModelPrices: () => Promise<void>;
  saveModelPrice: (price: InputOf<'setModelPrice'>) => Promise<boolean>;
  resetModelPrice: (model: string) => Promise<boolean>;
  loadBudgets: () => Promise<void>;
  saveBudget: (budget: InputOf<'setBudget'>) => Promise<boolean>;
  exportBudgets: (format: BudgetExportFormat) => Promise<ExportedFile | null>;
  loadProductiveUnits: (agentId: string) => Promise<void>;
  addProductiveUnits: (units: InputOf<'setProductiveUnits'>) => Promise<boolean>;
  deleteProductiveUnits: (id: number) => Promise<boolean>;
  clearUsageActionError: () => void;
}

const idle = <T>(): Loadable<T> => ({ data: null, loading: false, error: null });

/** The period as the contract takes it: only the ends that are set. */
export function periodQueryOf(period: UsagePeriod): { from?: string; to?: string } {
  return { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) };
}

/** A period whose start is after its end is not asked for; the period bar says why. */
export const periodIsValid = (period: UsagePeriod): boolean => !period.from || !period.to || period.from <= period.to;

export const keyIdOf = (key: Pick<UsageKey, 'provider' | 'keyId'>): string => `${key.provider}/${key.keyId}`;

export const createUsageSlice: SliceCreator<UsageSlice> = (backend) => (set, get) => {
  // Only the latest answer of each query may land: an older, slower one would show another period.
  const latest = { overview: 0, series: 0, totals: 0, keys: 0, prices: 0, budgets: 0, units: 0 };

  /** Runs one query into one Loadable field, keeping what is on screen until the answer lands. */
  async function load<K extends 'usageOverview' | 'usageSeries' | 'usageTotals' | 'usageKeys' | 'modelPrices' | 'budgets'>(
    field: K,
    counter: keyof typeof latest,
    query: () => Promise<NonNullable<UsageSlice[K]['data']>>,
  ): Promise<void> {
    const request = ++latest[counter];
    set((s) => ({ [field]: { ...s[field], loading: true } }) as Partial<UsageSlice>);
    try {
      const data = await query();
      if (request === latest[counter]) set({ [field]: { data, loading: false, error: null } } as Partial<UsageSlice>);
    } catch (error) {
      if (request === latest[counter]) set((s) => ({ [field]: { data: s[field].data, loading: false, error: messageOf(error) } }) as Partial<UsageSlice>);
    }
  }

  /** Runs a save; a refusal lands in usageActionError for the dialog (and a toast for inline actions). */
  async function act<T>(acting: string, call: () => Promise<T>, { toastOnError = false } = {}): Promise<T | null> {
    set({ usageActing: acting, usageActionError: null });
    try {
      return await call();
    } catch (error) {
      const message = messageOf(error);
      set({ usageActionError: message });
      if (toastOnError) get().notify('error', message);
      return null;
    } finally {
      set({ usageActing: null });
    }
  }

  const loadUsageSeries = () => {
    const { usageBy, usageMetric, usagePeriod } = get();
    if (!periodIsValid(usagePeriod)) return Promise.resolve();
    return load('usageSeries', 'series', () => backend.usageSeries({ by: usageBy, metric: usageMetric, top: SERIES_TOP, ...periodQueryOf(usagePeriod) }));
  };
  const loadUsageTotals = () => {
    const { usageBy, usagePeriod } = get();
    if (!periodIsValid(usagePeriod)) return Promise.resolve();
    return load('usageTotals', 'totals', () => backend.usageTotals({ by: usageBy, ...periodQueryOf(usagePeriod) }));
  };
  const loadUsageOverview = async () => {
    const period = get().usagePeriod;
    if (!periodIsValid(period)) return;
    await Promise.all([load('usageOverview', 'overview', () => backend.usageOverview(periodQueryOf(period))), loadUsageSeries(), loadUsageTotals()]);
  };
  const loadUsageKeys = () => load('usageKeys', 'keys', () => backend.listUsageKeys({}));
  const loadModelPrices = () =>
    load('modelPrices', 'prices', async () => {
      // The models with no price are those of the whole imported period, whatever period the overview shows.
      const [prices, overview] = await Promise.all([backend.listModelPrices({}), backend.usageOverview({})]);
      return { prices, unpricedModels: overview.total.unpricedModels };
    });
  const loadBudgets = () => {
    const period = get().usagePeriod;
    if (!periodIsValid(period)) return Promise.resolve();
    return load('budgets', 'budgets', () => backend.listBudgets(periodQueryOf(period)));
  };

  const loadProductiveUnits = async (agentId: string) => {
    const request = ++latest.units;
    set((s) => ({ productiveUnits: { agentId, data: s.productiveUnits.agentId === agentId ? s.productiveUnits.data : null, loading: true, error: null } }));
    try {
      const usage = await backend.agentUsage({ agentId });
      if (request === latest.units) set({ productiveUnits: { agentId, data: usage.units, loading: false, error: null } });
    } catch (error) {
      if (request === latest.units) set({ productiveUnits: { agentId, data: null, loading: false, error: messageOf(error) } });
    }
  };

  /** Whose a key is changes the attribution of everything: the overview's figures are asked again when they were on screen. */
  const refreshOverviewIfLoaded = () => {
    if (get().usageOverview.data) void loadUsageOverview();
  };

  return {
    usagePeriod: { from: null, to: null },
    usageBy: 'agent',
    usageMetric: 'cost',
    usageOverview: idle(),
    usageSeries: idle(),
    usageTotals: idle(),
    usageKeys: idle(),
    usageAgents: null,
    modelPrices: idle(),
    budgets: idle(),
    productiveUnits: { agentId: '', ...idle<ProductiveUnits[]>() },
    usageActing: null,
    usageActionError: null,

    loadUsageOverview,
    loadUsageSeries,
    loadUsageTotals,
    setUsagePeriod: (change) => {
      set((s) => ({ usagePeriod: { ...s.usagePeriod, ...change } }));
      void loadUsageOverview();
      if (get().budgets.data) void loadBudgets();
    },
    setUsageBy: (by) => {
      set({ usageBy: by });
      void loadUsageSeries();
      void loadUsageTotals();
    },
    setUsageMetric: (metric) => {
      set({ usageMetric: metric });
      void loadUsageSeries();
    },
    loadUsageKeys,
    loadUsageAgents: async () => {
      try {
        const list = await backend.listAgents({ sort: 'name', direction: 'asc' });
        set({ usageAgents: list.rows.map((a) => ({ id: a.id, name: a.name })) });
      } catch (error) {
        get().notify('error', `Could not list the agents: ${messageOf(error)}`);
      }
    },
    mapUsageKey: async (key, owner) => {
      const input = { provider: key.provider, keyId: key.keyId, agentId: owner && 'agentId' in owner ? owner.agentId : null, application: owner !== null && 'application' in owner };
      const updated = await act(`key:${keyIdOf(key)}`, () => backend.mapUsageKey(input), { toastOnError: true });
      if (!updated) return false;
      set((s) => ({ usageKeys: { ...s.usageKeys, data: s.usageKeys.data?.map((k) => (keyIdOf(k) === keyIdOf(updated) ? updated : k)) ?? null } }));
      const who = owner === null ? 'nobody yet' : 'application' in owner ? 'the application' : (updated.agents.find((a) => a.id === owner.agentId)?.name ?? (get().usageAgents?.find((a) => a.id === owner.agentId)?.name ?? owner.agentId));
      get().notify('success', owner === null ? `Key ${updated.keyId}: mapping undone` : `Key ${updated.keyId} is ${who}’s`);
      // Other keys' candidates and the shared flags may change with it: the list is read again.
      void loadUsageKeys();
      refreshOverviewIfLoaded();
      return true;
    },
    loadModelPrices,
    saveModelPrice: async (price) => {
      const saved = await act('price', () => backend.setModelPrice(price));
      if (!saved) return false;
      get().notify('success', `Price of ${saved.model} saved`);
      void loadModelPrices();
      refreshOverviewIfLoaded();
      return true;
    },
    resetModelPrice: async (model) => {
      const prices = await act(`price-reset:${model}`, () => backend.resetModelPrice({ model }), { toastOnError: true });
      if (!prices) return false;
      set((s) => ({ modelPrices: { ...s.modelPrices, data: { prices, unpricedModels: s.modelPrices.data?.unpricedModels ?? [] } } }));
      get().notify('success', `Your price of ${model} was removed`);
      void loadModelPrices();
      refreshOverviewIfLoaded();
      return true;
    },
    loadBudgets,
    saveBudget: async (budget) => {
      const saved = await act('budget', () => backend.setBudget(budget));
      if (!saved) return false;
      set((s) => ({ budgets: { ...s.budgets, data: s.budgets.data?.map((b) => (b.agentId === saved.agentId ? saved : b)) ?? [saved] } }));
      get().notify('success', `Budget of ${saved.agentName} saved`);
      // The saved row's days over cap are counted over the whole period; the list is read for the one shown.
      void loadBudgets();
      return true;
    },
    exportBudgets: (format) => act(`export:${format}`, () => backend.exportBudgets({ format }), { toastOnError: true }),
    loadProductiveUnits,
    addProductiveUnits: async (units) => {
      const saved = await act('units', () => backend.setProductiveUnits(units));
      if (!saved) return false;
      get().notify('success', `${saved.count.toLocaleString()} ${saved.unit} saved`);
      void loadProductiveUnits(saved.agentId);
      return true;
    },
    deleteProductiveUnits: async (id) => {
      const done = await act(`units-delete:${id}`, () => backend.deleteProductiveUnits({ id }), { toastOnError: true });
      if (!done) return false;
      set((s) => ({ productiveUnits: { ...s.productiveUnits, data: s.productiveUnits.data?.filter((u) => u.id !== id) ?? null } }));
      return true;
    },
    clearUsageActionError: () => set({ usageActionError: null }),
  };
};
