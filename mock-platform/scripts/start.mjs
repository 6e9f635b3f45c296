/** `npm start`: compiles the server when its sources changed (about half a second), then runs it as plain JavaScript. */
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compile } from './compile.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '../dist/server.mjs')
await compile(join(here, '../src/server.ts'), out)
await import(pathToFileURL(out).href)
