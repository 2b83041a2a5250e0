#!/usr/bin/env node
// Runs the built CLI. Node's compile cache (Node 22.1+) makes later start-ups faster.
import module from 'node:module';

if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache();
  } catch {
    // A read-only cache folder only costs speed.
  }
}

try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" (or "npm ci", which builds) in the backplan folder.\n');
    process.exit(1);
  }
  throw error;
}
