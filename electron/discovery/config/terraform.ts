import { posix } from 'node:path';
import { CAPABILITY_KINDS, type Evidence, type TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, FileWarning, UnitFinding } from '../findings';
import { ConfigSyntaxError, describeProblem, type ConfigContext, type ConfigScanOptions } from './context';
import { recordEnvEntry } from './env-facts';
import { capabilitiesOfStatement, invokesBedrock } from './iam-actions';
import { ConfigSource } from './source';
import { literalOf, modulePath, nested, nestedList, readTerraformFile, referencesIn, type TfBlock } from './terraform-blocks';
import { addCapability, addCredential, addLlm, addUnique, cronTrigger, newFindings, newUnit, noTrigger, primaryTrigger, trigger } from './units';
import { asText, entriesOf, textList } from './values';

/** A Terraform file on its own: links only what the file itself connects. Every .tf file is Terraform, so never null. */
export async function analyzeTerraform(path: string, text: string, ctx: ConfigContext): Promise<ConfigFindings> {
  const src = new ConfigSource(path, text, ctx);
  const blocks = await readTerraformFile(src);
  return analyzeBlocks(blocks).find((f) => f.path === path) ?? newFindings(path, 'terraform');
}

/**
 * A Terraform module (the .tf files of one directory): a schedule in events.tf reaches the Lambda
 * in lambda.tf. Returns findings for each file that declares functions, and a warning per
 * file that cannot be read (the rest of the module is still linked).
 */
export async function analyzeTerraformModule(files: Array<{ path: string; text: string }>, options: ConfigScanOptions): Promise<{ findings: ConfigFindings[]; warnings: FileWarning[] }> {
  const warnings: FileWarning[] = [];
  const blocks: TfBlock[] = [];
  for (const { path, text } of files) {
    const warn = (message: string, line?: number) => warnings.push({ path, message: line ? `line ${line}: ${message}` : message });
    try {
      blocks.push(...(await readTerraformFile(new ConfigSource(path, text, { ...options, warn }))));
    } catch (error) {
      warn(describeProblem(error), error instanceof ConfigSyntaxError ? (error.line ?? undefined) : undefined);
    }
  }
  return { findings: analyzeBlocks(blocks), warnings };
}

function analyzeBlocks(blocks: TfBlock[]): ConfigFindings[] {
  const module = new Map(blocks.map((b) => [b.address, b]));
  const byFile = new Map<string, ConfigFindings>();
  for (const block of blocks) {
    const unit = functionUnit(block, module, blocks);
    if (!unit) continue;
    const path = block.file.src.path;
    if (!byFile.has(path)) byFile.set(path, newFindings(path, 'terraform'));
    byFile.get(path)!.units.push(unit);
  }
  // The HCL parser returns blocks grouped by type; people read them in file order.
  for (const findings of byFile.values()) findings.units.sort((a, b) => a.evidence.line - b.evidence.line);
  return [...byFile.values()].map((findings) => blocks.find((b) => b.file.src.path === findings.path)!.file.src.redactFindings(findings));
}

function functionUnit(block: TfBlock, module: Map<string, TfBlock>, blocks: TfBlock[]): UnitFinding | null {
  switch (block.type) {
    case 'aws_lambda_function':
      return lambdaUnit(block, module, blocks);
    case 'aws_bedrockagent_agent':
      return bedrockAgentUnit(block, module, blocks);
    case 'google_cloudfunctions_function':
    case 'google_cloudfunctions2_function':
      return cloudFunctionUnit(block, blocks);
    case 'azurerm_function_app':
    case 'azurerm_linux_function_app':
    case 'azurerm_windows_function_app':
      return azureFunctionUnit(block);
    default:
      return null;
  }
}

const evidenceAt = (block: TfBlock, ruleId: string, attributes: string[] = []) => block.file.src.evidence(ruleId, block.file.lineOf(block, attributes));
const refersTo = (value: unknown, target: TfBlock) => referencesIn(value).includes(target.address);
const moduleDir = (block: TfBlock) => block.file.src.dir;

function lambdaUnit(lambda: TfBlock, module: Map<string, TfBlock>, blocks: TfBlock[]): UnitFinding | null {
  const evidence = evidenceAt(lambda, 'tf.unit.lambda');
  if (!evidence) return null;
  const body = lambda.body;
  const name = literalOf(body.function_name) ?? lambda.name;
  const unit = newUnit('serverless-function', name, lambda.file.src.path, evidence, primaryTrigger(lambdaTriggers(lambda, blocks), noTrigger('No trigger found in the module (invoked by another service or by hand)')));

  const handler = literalOf(body.handler);
  const image = literalOf(body.image_uri);
  if (handler) unit.runs.push(handler);
  if (image) unit.runs.push(`${image} (image)`);
  const codePath = lambdaCodePath(lambda, module, handler, literalOf(body.runtime) ?? '');
  if (codePath) unit.codePaths.push(codePath);

  recordEnvironment(lambda, unit, nested(nested(body.environment)?.variables), ['environment', 'variables']);
  recordRole(lambda, 'role', unit, module, blocks);
  return unit;
}

/**
 * An Amazon Bedrock Agent (`aws_bedrockagent_agent`): a managed agent whose model loop runs in
 * AWS. Its tools are its action groups: each runs a Lambda (`action_group_executor { lambda }`),
 * whose code and role are what the agent can make happen, or a built-in (`AMAZON.CodeInterpreter`
 * runs code the model writes; `AMAZON.UserInput` only asks the user). Knowledge bases associated
 * with it are data it reads. A supervisor delegates to its collaborators, agents of their own.
 * It runs as its resource role, on InvokeAgent calls to its aliases.
 */
function bedrockAgentUnit(agent: TfBlock, module: Map<string, TfBlock>, blocks: TfBlock[]): UnitFinding | null {
  const evidence = evidenceAt(agent, 'tf.unit.bedrock-agent');
  if (!evidence) return null;
  const body = agent.body;
  const invoked = trigger('webhook', 'InvokeAgent', 'On InvokeAgent calls to its aliases (Amazon Bedrock Agents)', evidenceAt(agent, 'tf.trigger.invoke-agent'));
  const unit = newUnit('serverless-function', bedrockAgentName(agent), agent.file.src.path, evidence, invoked ?? noTrigger('Invoked through the Bedrock Agents API'));
  const model = foundationModelOf(body.foundation_model, module);
  addLlm(unit, 'bedrock', 'Amazon Bedrock Agents', model ? [model] : [], evidenceAt(agent, 'tf.llm.bedrock-agent', ['foundation_model']));
  recordRole(agent, 'agent_resource_role_arn', unit, module, blocks);
  for (const block of blocks) {
    if (!refersTo(block.body.agent_id, agent)) continue;
    if (block.type === 'aws_bedrockagent_agent_action_group') {
      recordActionGroup(block, unit, module, blocks);
    } else if (block.type === 'aws_bedrockagent_agent_knowledge_base_association') {
      const base = referencesIn(block.body.knowledge_base_id)[0]?.replace(/^aws_bedrockagent_knowledge_base\./, '') ?? literalOf(block.body.knowledge_base_id) ?? 'a knowledge base';
      addCapability(unit, 'data-read', `Retrieves from the ${base} knowledge base`, evidenceAt(block, 'tf.capability.action-group', ['knowledge_base_id']));
    } else if (block.type === 'aws_bedrockagent_agent_collaborator') {
      recordCollaborator(block, unit, module);
    }
  }
  // The HCL parser groups blocks by type and label; people read action groups and collaborators in file order.
  unit.tools?.sort((a, b) => byFileOrder(a.evidence, b.evidence));
  unit.collaborators?.sort((a, b) => byFileOrder(a.evidence, b.evidence));
  return unit;
}

/**
 * The model an agent is given: a literal id, or the `model_id` (`model_arn`) of the module's
 * `data "aws_bedrock_foundation_model"` it refers to (`data.aws_bedrock_foundation_model.nova_lite.model_id`).
 */
function foundationModelOf(value: unknown, module: Map<string, TfBlock>): string | null {
  const literal = literalOf(value);
  if (literal) return literal;
  const source = referencesIn(value).map((address) => module.get(address)).find((block) => block?.type === 'aws_bedrock_foundation_model');
  return source ? literalOf(source.body.model_id) : null;
}

const byFileOrder = (a: Evidence, b: Evidence) => a.path.localeCompare(b.path) || a.line - b.line;

const bedrockAgentName = (agent: TfBlock) => literalOf(agent.body.agent_name) ?? agent.name;

/**
 * An action group is one tool of the agent, listed with what it may do: the code interpreter's
 * code execution, or its Lambda's role. The Lambda's code joins the agent.
 */
function recordActionGroup(group: TfBlock, unit: UnitFinding, module: Map<string, TfBlock>, blocks: TfBlock[]): void {
  const name = literalOf(group.body.action_group_name) ?? group.name;
  const builtIn = literalOf(group.body.parent_action_group_signature);
  if (builtIn === 'AMAZON.CodeInterpreter') addCapability(unit, 'code-execution', 'Bedrock code interpreter runs code the model writes', evidenceAt(group, 'tf.capability.action-group', ['parent_action_group_signature']), name);
  const executor = nestedList(group.body.action_group_executor).flatMap((e) => referencesIn(e.lambda)).map((a) => module.get(a)).find((b) => b?.type === 'aws_lambda_function');
  if (executor) {
    const codePath = lambdaCodePath(executor, module, literalOf(executor.body.handler), literalOf(executor.body.runtime) ?? '');
    if (codePath) addUnique(unit.codePaths, codePath);
    recordRole(executor, 'role', unit, module, blocks, name);
  }
  const evidence = evidenceAt(group, 'tf.tool.action-group');
  // The built-in that only asks the user a question gives the model nothing to act with.
  if (!evidence || builtIn === 'AMAZON.UserInput') return;
  const kinds = new Set(unit.capabilities.filter((c) => c.tool === name).map((c) => c.kind));
  const description = actionGroupDescription(group, builtIn);
  (unit.tools ??= []).push({ name, ...(description ? { description } : {}), capabilities: CAPABILITY_KINDS.filter((kind) => kinds.has(kind)), evidence });
}

/** What the action group says it does, else the functions its function schema declares, else the built-in it is. */
function actionGroupDescription(group: TfBlock, builtIn: string | null): string | null {
  const functions = nestedList(group.body.function_schema)
    .flatMap((schema) => nestedList(schema.member_functions))
    .flatMap((members) => nestedList(members.functions))
    .flatMap((fn) => literalOf(fn.name) ?? []);
  const written = literalOf(group.body.description);
  if (functions.length > 0) return `${written ? `${written}; f` : 'F'}unctions: ${functions.join(', ')}`;
  return written ?? builtIn;
}

/**
 * `aws_bedrockagent_agent_collaborator` on this supervisor: its `agent_descriptor { alias_arn }`
 * names an alias of the collaborator agent, which is an item of its own the supervisor runs.
 */
function recordCollaborator(link: TfBlock, unit: UnitFinding, module: Map<string, TfBlock>): void {
  const alias = nestedList(link.body.agent_descriptor).flatMap((d) => referencesIn(d.alias_arn)).map((a) => module.get(a)).find((b) => b?.type === 'aws_bedrockagent_agent_alias');
  const collaborator = alias && referencesIn(alias.body.agent_id).map((a) => module.get(a)).find((b) => b?.type === 'aws_bedrockagent_agent');
  const evidence = evidenceAt(link, 'tf.link.agent-collaborator', ['agent_descriptor']);
  if (!collaborator || !evidence) return;
  (unit.collaborators ??= []).push({ kind: 'serverless-function', name: bedrockAgentName(collaborator), path: collaborator.file.src.path, evidence });
}

/** The source file of `app.handler` in the directory the deployment package is built from. */
function lambdaCodePath(lambda: TfBlock, module: Map<string, TfBlock>, handler: string | null, runtime: string): string | null {
  const archive = referencesIn(lambda.body.filename).map((a) => module.get(a)).find((b) => b?.type === 'archive_file');
  const sourceFile = archive && modulePath(archive.body.source_file, moduleDir(archive));
  if (sourceFile) return sourceFile;
  const sourceDir = archive ? modulePath(archive.body.source_dir, moduleDir(archive)) : null;
  if (!sourceDir || !handler || !handler.includes('.')) return null;
  const modulePart = handler.slice(0, handler.lastIndexOf('.'));
  if (runtime.startsWith('python')) return posix.join(sourceDir, `${modulePart.replace(/\./g, '/')}.py`);
  if (runtime.startsWith('nodejs')) return posix.join(sourceDir, `${modulePart}.js`);
  return null;
}

/** What starts a Lambda: EventBridge rules and schedules, queues, buckets, topics, URLs and API Gateway. */
function lambdaTriggers(lambda: TfBlock, blocks: TfBlock[]): Array<TriggerFinding | null> {
  const found: Array<TriggerFinding | null> = [];
  const rulesTargeting = new Set<TfBlock>();
  for (const block of blocks) {
    const body = block.body;
    if (block.type === 'aws_cloudwatch_event_target' && refersTo(body.arn, lambda)) {
      for (const rule of blocks.filter((b) => b.type === 'aws_cloudwatch_event_rule' && refersTo(body.rule, b))) rulesTargeting.add(rule);
    } else if (block.type === 'aws_lambda_permission' && refersTo(body.function_name, lambda)) {
      const principal = literalOf(body.principal) ?? '';
      if (principal === 'events.amazonaws.com') for (const rule of blocks.filter((b) => b.type === 'aws_cloudwatch_event_rule' && refersTo(body.source_arn, b))) rulesTargeting.add(rule);
      if (principal === 'apigateway.amazonaws.com') found.push(trigger('webhook', 'api-gateway', 'On HTTP requests through API Gateway', evidenceAt(block, 'tf.trigger.webhook')));
    } else if (block.type === 'aws_scheduler_schedule' && nestedList(body.target).some((t) => refersTo(t.arn, lambda))) {
      const expression = literalOf(body.schedule_expression);
      const zone = literalOf(body.schedule_expression_timezone) ?? 'UTC';
      if (expression) found.push(cronTrigger(expression, evidenceAt(block, 'tf.trigger.schedule', ['schedule_expression']), zone));
    } else if (block.type === 'aws_lambda_event_source_mapping' && refersTo(body.function_name, lambda)) {
      const source = referencesIn(body.event_source_arn)[0] ?? literalOf(body.event_source_arn) ?? 'an event source';
      found.push(trigger('event', source, `Consumes ${source}`, evidenceAt(block, 'tf.trigger.event')));
    } else if (block.type === 'aws_lambda_function_url' && refersTo(body.function_name, lambda)) {
      found.push(trigger('webhook', 'function-url', 'On HTTP requests to its function URL', evidenceAt(block, 'tf.trigger.webhook')));
    } else if (block.type === 'aws_s3_bucket_notification' && nestedList(body.lambda_function).some((n) => refersTo(n.lambda_function_arn, lambda))) {
      const bucket = referencesIn(body.bucket)[0] ?? 'a bucket';
      found.push(trigger('event', bucket, `On object events in ${bucket}`, evidenceAt(block, 'tf.trigger.event')));
    } else if (block.type === 'aws_sns_topic_subscription' && refersTo(body.endpoint, lambda)) {
      const topic = referencesIn(body.topic_arn)[0] ?? 'a topic';
      found.push(trigger('event', topic, `On messages to ${topic}`, evidenceAt(block, 'tf.trigger.event')));
    }
  }
  for (const rule of rulesTargeting) {
    const expression = literalOf(rule.body.schedule_expression);
    if (expression) found.push(cronTrigger(expression, evidenceAt(rule, 'tf.trigger.schedule', ['schedule_expression']), 'UTC'));
    else if (rule.body.event_pattern !== undefined) found.push(trigger('event', rule.address, `On EventBridge events matching ${rule.address}`, evidenceAt(rule, 'tf.trigger.event', ['event_pattern'])));
  }
  return found;
}

function recordEnvironment(block: TfBlock, unit: UnitFinding, variables: ReturnType<typeof nested>, path: string[]): void {
  for (const [name, value] of entriesOf(variables)) {
    recordEnvEntry(block.file.src, unit, { name, value: asText(value), line: block.file.lineOf(block, [...path, name]) });
  }
}

/**
 * The role a resource runs as (a Lambda's `role`, a Bedrock Agent's `agent_resource_role_arn`):
 * named for the IAM import to join, with what its policies allow as capabilities, of `tool` when
 * the role is a tool's (an action group's Lambda).
 */
function recordRole(owner: TfBlock, attribute: string, unit: UnitFinding, module: Map<string, TfBlock>, blocks: TfBlock[], tool: string | null = null): void {
  const role = referencesIn(owner.body[attribute]).map((a) => module.get(a)).find((b) => b?.type === 'aws_iam_role');
  const roleName = role ? (literalOf(role.body.name) ?? role.address) : literalOf(owner.body[attribute]);
  if (!roleName) return;
  addCredential(unit, 'iam-role', roleName, 'aws', evidenceAt(owner, 'tf.credential.iam-role', [attribute]));
  if (!role) return;
  for (const document of policyDocumentsOf(role, module, blocks)) {
    nestedList(document.body.statement).forEach((statement) => {
      const parsed = { effect: literalOf(statement.effect) ?? 'Allow', actions: textList(statement.actions), resources: textList(statement.resources) };
      const evidence = () => evidenceAt(document, 'tf.capability.iam-policy', ['statement']);
      for (const { kind, detail } of capabilitiesOfStatement(parsed)) addCapability(unit, kind, detail, evidence(), tool);
      if (invokesBedrock(parsed)) addLlm(unit, 'bedrock', 'IAM bedrock:InvokeModel', [], evidenceAt(document, 'tf.llm.bedrock-policy', ['statement']));
    });
  }
}

/** aws_iam_policy_document data blocks reaching a role, inline or through an attached managed policy. */
function policyDocumentsOf(role: TfBlock, module: Map<string, TfBlock>, blocks: TfBlock[]): TfBlock[] {
  const policies: unknown[] = [];
  for (const block of blocks) {
    if (!refersTo(block.body.role, role) && !refersTo(block.body.roles, role)) continue;
    if (block.type === 'aws_iam_role_policy') policies.push(block.body.policy);
    if (block.type === 'aws_iam_role_policy_attachment' || block.type === 'aws_iam_policy_attachment') {
      const managed = referencesIn(block.body.policy_arn).map((a) => module.get(a)).find((b) => b?.type === 'aws_iam_policy');
      if (managed) policies.push(managed.body.policy);
    }
  }
  for (const inline of nestedList(role.body.inline_policy)) policies.push(inline.policy);
  return policies.flatMap((policy) => referencesIn(policy).map((a) => module.get(a)).filter((b): b is TfBlock => b?.type === 'aws_iam_policy_document'));
}

function cloudFunctionUnit(fn: TfBlock, blocks: TfBlock[]): UnitFinding | null {
  const evidence = evidenceAt(fn, 'tf.unit.cloud-function');
  if (!evidence) return null;
  const body = fn.body;
  const build = nested(body.build_config);
  const service = nested(body.service_config);
  const eventTrigger = nested(body.event_trigger);
  const triggers: Array<TriggerFinding | null> = [];
  for (const job of blocks.filter((b) => b.type === 'google_cloud_scheduler_job' && nestedList(b.body.http_target).some((t) => refersTo(t.uri, fn)))) {
    const schedule = literalOf(job.body.schedule);
    if (schedule) triggers.push(cronTrigger(schedule, evidenceAt(job, 'tf.trigger.schedule', ['schedule']), literalOf(job.body.time_zone) ?? 'UTC'));
  }
  if (eventTrigger) {
    const event = literalOf(eventTrigger.event_type) ?? referencesIn(eventTrigger.pubsub_topic)[0] ?? 'an event';
    triggers.push(trigger('event', event, `On ${event}`, evidenceAt(fn, 'tf.trigger.event', ['event_trigger'])));
  } else if (body.trigger_http === true || fn.type === 'google_cloudfunctions2_function') {
    triggers.push(trigger('webhook', 'http', 'On HTTP requests', evidenceAt(fn, 'tf.trigger.webhook')));
  }
  const unit = newUnit('serverless-function', literalOf(body.name) ?? fn.name, fn.file.src.path, evidence, primaryTrigger(triggers, noTrigger('No trigger found in the module')));
  addUnique(unit.runs, ...[literalOf(body.entry_point), literalOf(build?.entry_point)].filter((v): v is string => v !== null));
  recordEnvironment(fn, unit, nested(body.environment_variables), ['environment_variables']);
  recordEnvironment(fn, unit, nested(service?.environment_variables), ['service_config', 'environment_variables']);
  const account = literalOf(body.service_account_email) ?? literalOf(service?.service_account_email) ?? referencesIn(body.service_account_email ?? service?.service_account_email)[0];
  if (account) addCredential(unit, 'service-account', account, 'google', evidenceAt(fn, 'tf.credential.service-account', body.service_account_email ? ['service_account_email'] : ['service_config', 'service_account_email']));
  return unit;
}

function azureFunctionUnit(app: TfBlock): UnitFinding | null {
  const evidence = evidenceAt(app, 'tf.unit.azure-function');
  if (!evidence) return null;
  // Azure declares each function's trigger in code (function.json or decorators), not in Terraform.
  const unit = newUnit('serverless-function', literalOf(app.body.name) ?? app.name, app.file.src.path, evidence, noTrigger('Triggers are declared in the function code, not in Terraform'));
  recordEnvironment(app, unit, nested(app.body.app_settings), ['app_settings']);
  const identity = nested(app.body.identity);
  if (identity) addCredential(unit, 'service-account', `${literalOf(identity.type) ?? 'managed'} identity of ${unit.name}`, 'azure', evidenceAt(app, 'tf.credential.service-account', ['identity']));
  return unit;
}
