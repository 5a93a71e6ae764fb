import { useMemo } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { TriageRow } from '../../../../shared/checklist';
import { navigate } from '../../app/routes';
import { TierBadge } from './RiskParts';
import { drawingOrderOf, matrixPointsOf, sizeDomainMax, type MatrixPoint } from './risk-matrix';
import { monitoringGapText, scoreText, volumeText } from './triage-labels';

const AXIS_TICK = { fill: 'var(--chart-axis)', fontSize: 11 };
/** Marker areas (px²) from no usage to the busiest agent. */
const SIZE_RANGE: [number, number] = [50, 500];

const openPoint = (p: MatrixPoint | undefined) => {
  if (p) navigate({ page: 'triage', agentId: p.agentId });
};

interface MarkerProps {
  cx?: number;
  cy?: number;
  size?: number;
  payload?: MatrixPoint;
}

/** A filled circle; hollow and dashed when the sensitivity is unknown (drawn in the middle, not measured). */
function Marker({ cx, cy, size, payload }: MarkerProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const r = Math.sqrt((size ?? SIZE_RANGE[0]) / Math.PI);
  return payload.sensitivityKnown ? (
    <circle cx={cx} cy={cy} r={r} fill={payload.colour} fillOpacity={0.55} stroke={payload.colour} strokeWidth={1.5} className="triage-matrix__point" />
  ) : (
    <circle cx={cx} cy={cy} r={r} fill="var(--bg-surface)" fillOpacity={0.6} stroke={payload.colour} strokeWidth={1.5} strokeDasharray="3 2" className="triage-matrix__point" />
  );
}

function MatrixTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const point = active ? (payload?.[0]?.payload as MatrixPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="triage-matrix__tooltip">
      <p className="triage-matrix__tooltip-name">
        <TierBadge risk={{ tier: point.tier, score: point.score }} /> {point.name}
      </p>
      <table>
        <tbody>
          <tr>
            <td>Score</td>
            <td className="triage-num">{scoreText(point.score)}</td>
          </tr>
          <tr>
            <td>Sensitivity</td>
            <td className="triage-num">{point.sensitivityKnown ? scoreText(point.sensitivity) : 'unknown (drawn at 0.50)'}</td>
          </tr>
          <tr>
            <td>Monitoring gap</td>
            <td className="triage-num">{monitoringGapText(point.gap / 100)}</td>
          </tr>
          <tr>
            <td>Irreversible, unreviewed</td>
            <td className="triage-num">{point.irreversibleUnreviewed}</td>
          </tr>
          <tr>
            <td>Volume</td>
            <td className="triage-num">{volumeText(point)}</td>
          </tr>
        </tbody>
      </table>
      {point.samePlace.length > 0 && <p className="triage-matrix__tooltip-also">Also here: {point.samePlace.join(', ')}</p>}
      <p className="muted">Click to open its checklist</p>
    </div>
  );
}

/**
 * The priority list as a picture: monitoring gap across, data sensitivity up, so the top right is
 * where to look first. Size is volume, red is an irreversible action nobody reviews.
 */
export function RiskMatrix({ rows, forPrint = false }: { rows: readonly TriageRow[]; /** On paper: no tooltip, no click, no "click a point" hint. */ forPrint?: boolean }) {
  const points = useMemo(() => drawingOrderOf(matrixPointsOf(rows)), [rows]);
  const zMax = sizeDomainMax(points);
  return (
    <figure className="triage-matrix" aria-label="Risk matrix">
      <div className="triage-matrix__chart">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <ScatterChart margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis
              type="number"
              dataKey="gap"
              name="Monitoring gap"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={AXIS_TICK}
              stroke="var(--chart-grid)"
              label={{ value: 'Monitoring gap →', position: 'insideBottomRight', offset: -2, fill: 'var(--chart-axis)', fontSize: 11 }}
              height={34}
            />
            <YAxis
              type="number"
              dataKey="sensitivity"
              name="Sensitivity"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tick={AXIS_TICK}
              stroke="var(--chart-grid)"
              width={52}
              label={{ value: 'Sensitivity →', angle: -90, position: 'insideLeft', offset: 4, fill: 'var(--chart-axis)', fontSize: 11 }}
            />
            <ZAxis type="number" dataKey="size" domain={[0, zMax]} range={SIZE_RANGE} name="Volume" />
            <ReferenceLine x={50} stroke="var(--border-strong)" strokeDasharray="4 4" />
            <ReferenceLine y={0.5} stroke="var(--border-strong)" strokeDasharray="4 4" />
            {!forPrint && <Tooltip cursor={{ stroke: 'var(--border-strong)', strokeDasharray: '3 3' }} content={(props) => <MatrixTooltip active={props.active} payload={props.payload} />} isAnimationActive={false} />}
            {forPrint ? (
              <Scatter data={points} shape={(props: MarkerProps) => <Marker {...props} />} isAnimationActive={false} />
            ) : (
              <Scatter data={points} shape={(props: MarkerProps) => <Marker {...props} />} onClick={(_, index) => openPoint(points[index])} isAnimationActive={false} cursor="pointer" />
            )}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="triage-matrix__caption muted">
        Across: monitoring gap. Up: data sensitivity; <span className="triage-matrix__key triage-matrix__key--unknown" aria-hidden="true" /> hollow, dashed: unknown, drawn at 0.5. Size: LLM requests per day (smallest: no usage). <span className="triage-matrix__key triage-matrix__key--danger" aria-hidden="true" /> Red: irreversible actions without review;{' '}
        <span className="triage-matrix__key" aria-hidden="true" /> grey: none. Top right first{forPrint ? '.' : '; click a point for its checklist.'}
      </figcaption>
    </figure>
  );
}
