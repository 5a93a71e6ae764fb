import './spinner.css';

/** A small busy mark beside a text that says what is happening; hidden from assistive tech, the text speaks. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
