#!/usr/bin/env node
// `npm start`: build the dashboard and serve it on 127.0.0.1, printing its URL.
// `npm start -- --tail PATH... [--from-start] [--port N]`: the same dashboard served by the local tail
// server (app/server/main.ts), which streams the lines appended to PATH as SSE; it prints the link.
import { spawnSync, spawn } from 'node:child_process';

const args = process.argv.slice(2);
const isTail = args.includes('--tail');
const port = process.env.PORT ?? '4173';
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!isTail) console.log(`\nQuotalens is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = isTail
  ? spawn('npx', ['tsx', 'app/server/main.ts', ...args], { stdio: 'inherit' })
  : spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--logLevel', 'warn'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
