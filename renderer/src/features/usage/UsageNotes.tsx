/** What the engine says a person must know to read the numbers (overlapping sources, non-USD bills). */
export function UsageNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="usage-notes" aria-label="How to read these numbers">
      <strong className="usage-notes__title">How to read these numbers</strong>
      <ul className="usage-notes__list">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
