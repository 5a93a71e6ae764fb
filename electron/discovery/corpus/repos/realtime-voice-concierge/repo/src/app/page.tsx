import React, { Suspense } from 'react';
import App from './App';

export default function Page() {
  return (
    <Suspense fallback={<div>Loading...</div>}>
      <App />
    </Suspense>
  );
}
