import { cookies } from 'next/headers';

export async function auth(): Promise<{ user: { id: string } } | null> {
  const id = (await cookies()).get('uid')?.value;
  return id ? { user: { id } } : null;
}
