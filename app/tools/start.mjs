#!/usr/bin/env node
// `npm start`: build the dashboard and serve it on 127.0.0.1, printing its URL.
import { spawnSync, spawn } from 'node:child_process';

const port = process.env.PORT ?? '4173';
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nQuotalens is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
