#!/usr/bin/env node
// `npm start [-- --port N]`: build the dashboard and serve it on 127.0.0.1, printing its URL (PORT in the
// environment works too). `npm start -- --tail PATH... [--from-start] [--port N]`: the same dashboard served by
// the local tail server (app/server/main.ts), which streams the lines appended to PATH as SSE; it prints the link.
import { spawnSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const isTail = args.includes('--tail');
// `npm start` runs this in the project's folder: a relative path to tail means the folder the command was typed in.
const callerDir = process.env.npm_lifecycle_event === 'start' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const portAt = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
const portArg = portAt < 0 ? undefined : args[portAt] === '--port' ? args[portAt + 1] : args[portAt].slice('--port='.length);
const port = portArg ?? process.env.PORT ?? '4173';
const serverArgs = args.map((arg, i) => (arg.startsWith('-') || (i === portAt + 1 && args[portAt] === '--port') ? arg : resolve(callerDir, arg)));
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!isTail) console.log(`\nQuotalens is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = isTail
  ? spawn('npx', ['tsx', 'app/server/main.ts', ...serverArgs], { stdio: 'inherit' })
  : spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--logLevel', 'warn'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
