import { useId, type ReactNode } from 'react';

/** One titled part of the agent profile; a region named by its title, so it can be found and linked to. */
export function ProfileSection({ title, action, className, children }: { title: string; action?: ReactNode; className?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className={['profile-card', className].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <div className="profile-card__head">
        <h2 id={titleId}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}
