#!/usr/bin/env node
// The `cabildo` command: loads the TypeScript entry through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
