import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Badge } from '../../../ui/Badge';
import { ENVIRONMENT_LABELS, flagBadges, isSensitiveTarget, NODE_KIND_LABELS, SENSITIVITY_LABELS, SENSITIVITY_TONES } from '../blast-labels';
import { useCanvas } from './canvas-store';
import type { EntityFlowNode } from './graph-model';

/** Badges beyond this are summarised as "+n"; the node's accessible name still lists every one. */
const BADGES_SHOWN = 2;

/**
 * One agent, credential, principal or data source (or a collapsed group of them). Memoised: a
 * pan or a focus elsewhere re-renders only the nodes whose data changed. The name is a button so
 * the graph is walkable with the keyboard; its click (mouse or Enter) reaches the canvas's
 * onNodeClick, which focuses the node's paths.
 */
function EntityNodeView({ id, data }: NodeProps<EntityFlowNode>) {
  const toggleGroup = useCanvas((s) => s.toggleGroup);
  const { view, matched, dimmed, focused, expanded } = data;
  const node = view.node;
  const sensitive = node?.kind === 'data-source' && isSensitiveTarget(node.environment, node.sensitivity);
  const badges = [];
  if (node?.kind === 'data-source') {
    if (node.environment === 'prod') badges.push({ key: 'env', label: 'Prod', tone: 'danger' as const, title: ENVIRONMENT_LABELS.prod });
    if (node.sensitivity && node.sensitivity !== 'unknown') badges.push({ key: 'sens', label: SENSITIVITY_LABELS[node.sensitivity], tone: SENSITIVITY_TONES[node.sensitivity], title: 'Sensitivity' });
  }
  badges.push(...flagBadges(view.flags));
  const shown = badges.slice(0, BADGES_SHOWN);
  const classes = ['br-node', `br-node--${view.kind}`];
  if (view.group) classes.push('br-node--group');
  if (sensitive) classes.push('br-node--sensitive');
  if (node?.flags.includes('focus')) classes.push('br-node--subject');
  if (matched) classes.push('br-node--matched');
  if (dimmed) classes.push('br-node--dimmed');
  if (focused) classes.push('br-node--focused');
  const name = `${NODE_KIND_LABELS[view.kind]}${view.group ? ' group' : ''}: ${view.label}. ${view.detail}${badges.length ? `. ${badges.map((b) => b.label).join(', ')}` : ''}${matched ? '. Matches the search' : ''}`;
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="br-node__handle" />
      <button type="button" className="br-node__main nodrag" aria-label={name} aria-pressed={focused} title={`${view.label}\n${view.detail}`}>
        <span className="br-node__kind">{view.group ? `${NODE_KIND_LABELS[view.kind]}s` : NODE_KIND_LABELS[view.kind]}</span>
        <span className="br-node__label">{view.label}</span>
        <span className="br-node__detail">{view.detail}</span>
      </button>
      <span className="br-node__badges" aria-hidden="true">
        {shown.map((b) => (
          <Badge key={b.key} tone={b.tone} title={b.title}>
            {b.label}
          </Badge>
        ))}
        {badges.length > shown.length && <Badge tone="muted" title={badges.slice(BADGES_SHOWN).map((b) => b.label).join(', ')}>{`+${badges.length - shown.length}`}</Badge>}
      </span>
      {(view.group || expanded) && (
        <button type="button" className="br-node__expand nodrag" onClick={(event) => {
            // The node's own click (focus its paths) is for the name, not for this button.
            event.stopPropagation();
            toggleGroup(id);
          }}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${view.label}`}>
          {expanded ? 'Collapse' : `Expand ${view.group?.members.length ?? ''}`}
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="br-node__handle" />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView);
