#!/usr/bin/env node
// Runs a TypeScript entry point through tsx, so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
process.argv.splice(1, process.argv.length, resolve(entry), ...rest); // the script sees itself as argv[1]
await import(pathToFileURL(resolve(entry)).href);
