/** Starts osp-web beside the sandbox: `npm run osp-web -w @iamsmart-sandbox/sdk-samples` (env: see README.md). */
import { serve } from '@hono/node-server'
import { createOspApp } from './app'
import { loadOspConfig } from './config'

let config: ReturnType<typeof loadOspConfig>
try {
  config = loadOspConfig(process.env)
} catch (e) {
  console.error((e as Error).message)
  process.exit(2)
}
const { app } = createOspApp(config)
serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: config.port }, (info) => {
  console.log(
    [
      '',
      `  osp-web (sample e-Service) on ${config.publicUrl}  (listening on ${info.address}:${info.port})`,
      `  iAM Smart          ${config.iamsmartBaseUrl}/api/v1   clientID ${config.clientID}`,
      `  callback URL       ${config.publicUrl}/callback   (must be registered for the app)`,
      '',
    ].join('\n'),
  )
})
