'use client';
import { useState } from 'react';

export default function Page() {
  const [answer, setAnswer] = useState('');
  async function ask(form: FormData) {
    const response = await fetch('http://localhost:8000/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ merchant_id: form.get('merchant'), text: form.get('text') }) });
    setAnswer((await response.json()).answer);
  }
  return (
    <form action={ask}>
      <input name="merchant" />
      <textarea name="text" />
      <button type="submit">Ask</button>
      <p>{answer}</p>
    </form>
  );
}
