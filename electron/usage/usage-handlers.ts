import type { ModelPrice } from '../../shared/contracts/usage';
import { BackendError } from '../../shared/errors';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { statement } from '../store/statements';
import { workspaceNameOf, type Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { ensureAttribution } from './attribution';
import { exportBudgetsAsJson, exportBudgetsAsLiteLlm, type BudgetExportInput } from './budget-export';
import { priceKeyOf, priceLookup, pricesInForce, resetPersonPrice, setPersonPrice } from './model-prices';
import { upsertProductiveUnits, agentActivity, agentUsage, budgetOfAgent, budgets, deleteProductiveUnits, setBudget } from './usage-agents';
import { recostAll } from './usage-costing';
import { mapUsageKey } from './usage-decisions';
import { usageKeys } from './usage-keys';
import { usageOverview } from './usage-overview';
import { usageSeries, usageTotals } from './usage-queries';

/** Every price in force, with the models in the imported usage each one prices (unpriced models: the overview's unpricedModels). */
function modelPrices(db: Db): ModelPrice[] {
  const prices = pricesInForce(db);
  const priceOf = priceLookup(prices);
  const used = (statement(db, 'SELECT DISTINCT model FROM usage_rows WHERE model IS NOT NULL ORDER BY model').all() as Array<{ model: string }>).map((r) => r.model);
  const usedBy = new Map<string, string[]>();
  for (const model of used) {
    const price = priceOf(model);
    if (price) usedBy.set(price.model, [...(usedBy.get(price.model) ?? []), model]);
  }
  return prices.map((p) => ({ ...p, usedBy: usedBy.get(p.model) ?? [] }));
}

/** Caps and the keys and LiteLLM teams each capped agent's calls came through: what a proxy needs to enforce them. */
function budgetExportInput(db: Db, workspacePath: string): BudgetExportInput {
  // Every agent: the export lists those without a cap too, so nobody reads a missing cap as "unlimited by choice".
  const caps = statement(db, 'SELECT a.id, a.name, b.daily_token_cap, b.daily_cost_cap FROM agents a LEFT JOIN agent_budgets b ON b.agent_id = a.id ORDER BY a.id').all() as Array<{
    id: string;
    name: string;
    daily_token_cap: number | null;
    daily_cost_cap: number | null;
  }>;
  const keysOf = statement(db, 'SELECT DISTINCT provider, key_id FROM usage_rows WHERE agent_id = ? AND key_id IS NOT NULL ORDER BY provider, key_id');
  const teamsOf = statement(db, `SELECT DISTINCT project_id FROM usage_rows WHERE agent_id = ? AND layer = 'gateway' AND project_id IS NOT NULL ORDER BY project_id`);
  return {
    workspaceName: workspaceNameOf(workspacePath),
    exportedAt: new Date().toISOString(),
    agents: caps.map((c) => ({
      agentId: c.id,
      name: c.name,
      dailyTokenCap: c.daily_token_cap,
      dailyCostCapUsd: c.daily_cost_cap,
      keys: (keysOf.all(c.id) as Array<{ provider: string; key_id: string }>).map((k) => ({ provider: k.provider, keyId: k.key_id })),
      teams: (teamsOf.all(c.id) as Array<{ project_id: string }>).map((t) => t.project_id),
    })),
  };
}

export function usageHandlers(session: Session) {
  /** Every read sees rows attributed with the agents and mappings as they are now, whichever process changed them. */
  const db = () => {
    const current = session.workspace().db;
    ensureAttribution(current);
    return current;
  };

  return {
    usageOverview: (period) => usageOverview(db(), period),
    usageTotals: ({ by, ...period }) => usageTotals(db(), by, period),
    usageSeries: ({ by, metric, top, ...period }) => usageSeries(db(), by, metric, top, period),
    listUsageKeys: () => usageKeys(db()),
    mapUsageKey: ({ provider, keyId, agentId, application }, ctx) => {
      mapUsageKey(db(), provider, keyId, { agentId, application }, ctx);
      const key = usageKeys(db()).find((k) => k.provider === provider && k.keyId === keyId);
      if (!key) throw new BackendError('not-found', `The ${provider} key ${keyId.slice(0, 80)} is no longer in the imported usage.`);
      return key;
    },
    agentActivity: () => agentActivity(db()),
    agentUsage: ({ agentId }) => {
      if (!statement(db(), 'SELECT 1 FROM agents WHERE id = ?').get(agentId)) throw new BackendError('not-found', `No agent with id ${agentId}.`);
      return agentUsage(db(), agentId);
    },
    listModelPrices: () => modelPrices(db()),
    setModelPrice: (input, ctx) => {
      const workspaceDb = db();
      writeTransaction(workspaceDb, () => {
        setPersonPrice(workspaceDb, { ...input, cacheWrite1hPerMTok: input.cacheWrite1hPerMTok ?? input.cacheWritePerMTok }, ctx);
        recostAll(workspaceDb);
      });
      return modelPrices(workspaceDb).find((p) => priceKeyOf(p.model) === priceKeyOf(input.model))!;
    },
    resetModelPrice: ({ model }, ctx) => {
      const workspaceDb = db();
      writeTransaction(workspaceDb, () => {
        if (!resetPersonPrice(workspaceDb, model, ctx)) throw new BackendError('not-found', `No price of yours for ${model.slice(0, 80)} to reset; bundled prices stay until you change them.`);
        recostAll(workspaceDb);
      });
      return modelPrices(workspaceDb);
    },
    listBudgets: (period) => budgets(db(), period),
    setBudget: ({ agentId, dailyTokenCap, dailyCostCapUsd }, ctx) => {
      setBudget(db(), agentId, { dailyTokenCap, dailyCostCapUsd }, ctx);
      return budgetOfAgent(db(), agentId);
    },
    exportBudgets: ({ format }) => {
      const input = budgetExportInput(db(), session.workspace().path);
      const content = format === 'litellm' ? exportBudgetsAsLiteLlm(input) : exportBudgetsAsJson(input);
      const base = workspaceNameOf(session.workspace().path).replace(/[^A-Za-z0-9._-]+/g, '-') || 'workspace';
      return {
        fileName: format === 'litellm' ? `${base}-litellm-budgets.yaml` : `${base}-budgets.json`,
        mimeType: format === 'litellm' ? 'application/yaml' : 'application/json',
        contentBase64: Buffer.from(content, 'utf8').toString('base64'),
      };
    },
    setProductiveUnits: (input, ctx) => upsertProductiveUnits(db(), input, ctx),
    deleteProductiveUnits: ({ id }, ctx) => {
      deleteProductiveUnits(db(), id, ctx);
      return { id };
    },
  } satisfies Partial<Handlers>;
}
