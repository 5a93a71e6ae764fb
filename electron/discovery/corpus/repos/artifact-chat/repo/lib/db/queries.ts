import { drizzle } from 'drizzle-orm/postgres-js';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { document } from './schema';

const client = postgres(process.env.POSTGRES_URL!);
const db = drizzle(client);

export async function saveDocument({ id, title, kind, content, userId }: { id: string; title: string; kind: string; content: string; userId: string }) {
  return db.insert(document).values({ id, title, kind, content, userId, createdAt: new Date() });
}

export async function getDocumentById({ id }: { id: string }) {
  const [selected] = await db.select().from(document).where(eq(document.id, id));
  return selected;
}
