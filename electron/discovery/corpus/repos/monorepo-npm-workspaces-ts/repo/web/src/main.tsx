import { createRoot } from 'react-dom/client';

function Inbox() {
  return <main><h1>Support inbox</h1></main>;
}

createRoot(document.getElementById('root')!).render(<Inbox />);
