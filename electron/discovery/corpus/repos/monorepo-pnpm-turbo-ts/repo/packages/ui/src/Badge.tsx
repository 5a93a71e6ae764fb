export function Badge({ tone, children }: { tone: 'ok' | 'warn'; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
