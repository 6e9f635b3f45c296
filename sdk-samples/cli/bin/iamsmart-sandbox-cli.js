#!/usr/bin/env node
// `npx iamsmart-sandbox-cli …`: runs the TypeScript CLI (src/main.ts) through tsx's loader.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
