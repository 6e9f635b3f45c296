/** Child-process entry: starts one server (argv[2] = bare | platform | probe-*), reports its port over IPC, exits on SIGTERM. */
import { type Listening, listen } from './listen'
import { startBare } from './bare'
import { startPlatform } from './platform'
import { probeApp } from './probe-app'

async function main(): Promise<void> {
  const kind = process.argv[2]
  let server: Listening & Record<string, unknown>
  if (kind === 'bare') server = { ...(await startBare()) }
  else if (kind === 'platform') {
    const pem = process.env.BENCH_KEK_PUBLIC_PEM
    if (!pem) throw new Error('BENCH_KEK_PUBLIC_PEM is not set')
    server = { ...(await startPlatform(pem)) }
  } else if (kind === 'probe-plain' || kind === 'probe-body-limit') {
    server = { ...(await listen(probeApp(kind === 'probe-body-limit').fetch)) }
  } else throw new Error(`unknown server kind "${kind}"`)

  const stop = async () => {
    await server.close()
    // process.exit (not a signal death) lets --cpu-prof write its profile.
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
  process.on('disconnect', () => void stop())
  // The soak asks for the heap's figures next to the RSS it reads from /proc (what is live vs what V8 keeps).
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'memory') process.send?.({ type: 'memory', ...process.memoryUsage() })
  })
  const { close: _close, ...info } = server
  process.send?.({ type: 'ready', ...info })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
