import { createRoot } from 'react-dom/client';

function Placeholder() {
  return <main><h1>Anor</h1><p>The workbench client is being built.</p></main>;
}

createRoot(document.getElementById('root')!).render(<Placeholder />);
