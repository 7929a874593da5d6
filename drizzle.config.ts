import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes reviewed SQL migrations into migrations/; the app applies them at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
