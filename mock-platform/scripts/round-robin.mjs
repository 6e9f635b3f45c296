/**
 * A small round-robin proxy for the hosted mode's demonstration and tests (`npm run start:hosted`): one address in
 * front of several instances. Real deployments put their own load balancer here (docs: operator guide).
 *
 * - Requests go to the instances in turn; responses stream back (the inspector's live tail is server-sent events).
 * - An instance that refuses the connection (stopped, restarting) is skipped and the request goes to the next one, so
 *   a rolling restart loses no request. A request already sent is never sent twice, except on a kept-alive socket the
 *   instance had closed (the request never reached it).
 * - The body is buffered (at most `bodyLimit` bytes; beyond, 413) so that it can be sent again on a refusal.
 * - The caller's address is passed in X-Forwarded-For (the instances trust it from TRUSTED_PROXIES only).
 */
import { Buffer } from 'node:buffer'
import { Agent, createServer, request } from 'node:http'
import { fileURLToPath, URL } from 'node:url'

const problem = (res, status, title, detail) => {
  res.writeHead(status, { 'content-type': 'application/problem+json' })
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }))
}

/**
 * @param {string[]} targets base URLs of the instances, e.g. http://127.0.0.1:8081
 * @param {{ bodyLimit?: number }} [opts]
 */
export function roundRobin(targets, opts = {}) {
  const bodyLimit = opts.bodyLimit ?? 50 * 1024 * 1024
  const upstreams = targets.map((t) => new URL(t))
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 })
  let next = 0
  const stats = { requests: 0, retried: 0, failed: 0, perTarget: upstreams.map(() => 0) }

  const server = createServer((req, res) => {
    const chunks = []
    let size = 0
    req.on('data', (c) => {
      size += c.length
      if (size > bodyLimit) {
        problem(res, 413, 'Payload Too Large', `bodies are limited to ${bodyLimit} bytes`)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      stats.requests++
      send(req, res, Buffer.concat(chunks), next++ % upstreams.length, 0)
    })
  })

  function send(req, res, body, index, attempt) {
    const target = upstreams[index]
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
    const headers = { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' }
    headers['x-forwarded-host'] ??= req.headers.host
    headers['content-length'] = String(body.length)
    delete headers['transfer-encoding']
    const up = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (upRes) => {
        stats.perTarget[index]++
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        upRes.pipe(res)
        res.on('close', () => upRes.destroy())
      },
    )
    up.on('error', (e) => {
      // Never reached the instance: a refused connection, or a kept-alive socket it had already closed.
      const notSent = e.code === 'ECONNREFUSED' || (up.reusedSocket && e.code === 'ECONNRESET')
      if (notSent && attempt + 1 < upstreams.length * 2 && !res.headersSent) {
        stats.retried++
        send(req, res, body, (index + 1) % upstreams.length, attempt + 1)
      } else if (!res.headersSent) {
        stats.failed++
        problem(res, 502, 'Bad Gateway', `no instance answered (${e.code ?? e.message})`)
      } else res.destroy()
    })
    up.end(body)
  }

  server.stats = stats
  server.on('close', () => agent.destroy())
  return server
}

// `node round-robin.mjs <port> <instance URL>…`: listens on 127.0.0.1 (0: a free port), tells its parent the port.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [portArg, ...targets] = process.argv.slice(2)
  if (targets.length === 0) {
    console.error('usage: round-robin.mjs <port> <instance URL>…')
    process.exit(2)
  }
  const server = roundRobin(targets)
  server.listen(Number(portArg ?? 0), '127.0.0.1', () => {
    const { port } = server.address()
    if (process.send) process.send({ port })
    else console.error(`round-robin on 127.0.0.1:${port} → ${targets.join(', ')}`)
  })
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('disconnect', stop)
}
