#!/usr/bin/env node
import { isBackchannelError } from '../../src/errors.js';
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(isBackchannelError(error) ? error.message : error);
    process.exitCode = 1;
  },
);
