import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AccessFlowEdge } from './graph-model';

/** Room between a node's side and the label beside it. */
const LABEL_GAP = 10;

/**
 * An edge drawn as xyflow's default curve, with its label beside the end that graph-model chose
 * (not at the midpoint, where converging labels pile up). The label is HTML in the viewport, above
 * the edges and below the nodes, so it is never hidden behind another edge and it is exported.
 */
function AccessEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, data }: EdgeProps<AccessFlowEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const lines = data?.lines ?? [];
  const atSource = data?.labelAt !== 'target';
  const x = atSource ? sourceX + LABEL_GAP : targetX - LABEL_GAP;
  const y = atSource ? sourceY : targetY;
  const classes = ['br-edge-label'];
  if (data?.severe) classes.push('br-edge-label--severe');
  if (data?.dimmed) classes.push('br-edge-label--dimmed');
  return (
    <>
      <BaseEdge id={id} path={path} style={style} />
      {lines.length > 0 && (
        <EdgeLabelRenderer>
          <div className={classes.join(' ')} style={{ transform: `translate(${atSource ? '0' : '-100%'}, -50%) translate(${x}px, ${y}px)` }} title={lines.join(' ')}>
            {lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const AccessEdge = memo(AccessEdgeView);
