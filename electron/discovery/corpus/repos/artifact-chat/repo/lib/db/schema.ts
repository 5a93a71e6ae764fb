import { pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const document = pgTable('Document', {
  id: uuid('id').notNull().defaultRandom(),
  createdAt: timestamp('createdAt').notNull(),
  title: text('title').notNull(),
  content: text('content'),
  kind: varchar('text', { enum: ['text', 'code', 'sheet'] }).notNull().default('text'),
  userId: uuid('userId').notNull(),
});
