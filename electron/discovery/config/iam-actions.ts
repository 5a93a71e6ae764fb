import type { CapabilityKind } from '../../../shared/discovery';

/**
 * What an IAM policy statement lets its holder do, in the capability words of the checklist:
 * `s3:PutObject` writes data, `dynamodb:DeleteItem` deletes it, `ses:SendEmail` talks to the
 * outside, `*` does all of it. Only Allow statements grant anything.
 */
export interface IamStatement {
  effect: string;
  actions: string[];
  resources: string[];
}

const EXTERNAL = /^(ses:Send|sns:Publish|mobiletargeting:Send|chime:Send|connect:StartOutbound)/i;
const DELETE = /^[\w-]+:(Delete|Remove|Drop|Purge|Terminate|Destroy)/i;
const WRITE = /^[\w-]+:(Put|Create|Update|Write|BatchWrite|Insert|Modify|Upload|Copy|Restore|Import|Append|Set|Add|Attach|Send|ExecuteStatement|BatchExecuteStatement)/i;
const READ = /^[\w-]+:(Get|List|Describe|Query|Scan|BatchGet|Select|Read|Head)/i;
const EVERYTHING = /^(\*|[\w-]+:\*)$/;

export function capabilitiesOfStatement(statement: IamStatement): Array<{ kind: CapabilityKind; detail: string }> {
  if (statement.effect.toLowerCase() !== 'allow') return [];
  const byKind = new Map<CapabilityKind, string[]>();
  const add = (kind: CapabilityKind, action: string) => byKind.set(kind, [...(byKind.get(kind) ?? []), action]);
  for (const action of statement.actions) {
    if (EVERYTHING.test(action)) {
      add('data-write', action);
      add('data-delete', action);
    } else if (EXTERNAL.test(action)) add('external-communication', action);
    else if (DELETE.test(action)) add('data-delete', action);
    else if (WRITE.test(action)) add('data-write', action);
    else if (READ.test(action)) add('data-read', action);
  }
  const on = statement.resources.length === 0 ? '' : ` on ${statement.resources.slice(0, 3).join(', ')}${statement.resources.length > 3 ? ', …' : ''}`;
  return [...byKind].map(([kind, actions]) => ({ kind, detail: `IAM allows ${actions.join(', ')}${on}` }));
}

/** `bedrock:InvokeModel` in a policy is LLM use, whatever the code looks like. */
export function invokesBedrock(statement: IamStatement): boolean {
  return statement.effect.toLowerCase() === 'allow' && statement.actions.some((a) => /^bedrock:(InvokeModel|Converse|\*)/i.test(a));
}
