// `npm run build` compiles the server to dist/ (tsconfig.build.json); the files it reads next to
// its code come along: the migrations and the demo roster (docs/architecture.md "Start-up").
import { cpSync } from 'node:fs';

cpSync('prisma/migrations', 'dist/prisma/migrations', { recursive: true });
cpSync('bot/roster/demo-roster.csv', 'dist/bot/roster/demo-roster.csv');
cpSync('web/static', 'dist/web/static', { recursive: true });
