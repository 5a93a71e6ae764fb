'use client';

import { useEffect, useState } from 'react';

export default function AccountPage() {
  const [user, setUser] = useState<{ user_id: string } | null>(null);
  useEffect(() => {
    fetch('/api/session')
      .then((r) => r.json())
      .then((data) => setUser(data.user));
  }, []);
  return <p>{user ? `Signed in as ${user.user_id}` : 'Not signed in'}</p>;
}
