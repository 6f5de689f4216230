#!/usr/bin/env node
// Thin entry: the CLI lives in the compiled library so that tests can drive it in-process.
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
