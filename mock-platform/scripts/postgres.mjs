/**
 * A private PostgreSQL cluster from the machine's own packages: for the tests, `.ci/run` and `npm run start:hosted`.
 * Its own data directory and port, listening on 127.0.0.1 only, password authentication (scram-sha-256) with a
 * generated password. PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user.
 *
 *   node mock-platform/scripts/postgres.mjs start [dir] [port]   → prints DATABASE_URL (and writes <dir>/url)
 *   node mock-platform/scripts/postgres.mjs stop [dir]
 *
 * `dir` defaults to $SANDBOX_PG_DIR or ./.postgres; `port` to a free one.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'

const USER = 'sandbox'

/** The newest installed PostgreSQL's bin directory, or a message saying how to install one. */
export function postgresBin() {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length > 0) return join(root, versions[0], 'bin')
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (onPath.status === 0 && existsSync(join(onPath.stdout.trim(), 'initdb'))) return onPath.stdout.trim()
  throw new Error(
    'PostgreSQL is not installed: `apt-get install postgresql` (Debian; PostgreSQL 15 or newer), then run this again',
  )
}

const asRoot = () => process.getuid?.() === 0

/** Runs a PostgreSQL program, as the `postgres` user when we are root (the server refuses to run as root). */
function run(bin, args, opts = {}) {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts })
}

export function freePort() {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => done(port))
    })
  })
}

/**
 * Starts (creating on first use) the cluster in `dir`; resolves with its URL. A cluster already running there is
 * reused. The data lives in `dir/data`; the URL (with the password) in `dir/url`, readable by this user only.
 */
export async function startCluster(dir, port) {
  dir = resolve(dir)
  const bin = postgresBin()
  const data = join(dir, 'data')
  const urlFile = join(dir, 'url')
  mkdirSync(dir, { recursive: true })
  if (asRoot()) execFileSync('chown', ['postgres:postgres', dir])
  if (!existsSync(join(data, 'PG_VERSION'))) {
    const password = randomBytes(18).toString('base64url')
    const pwfile = join(dir, 'pwfile')
    writeFileSync(pwfile, password + '\n', { mode: 0o600 })
    if (asRoot()) execFileSync('chown', ['postgres:postgres', pwfile])
    run(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      USER,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ])
    rmSync(pwfile)
    port ??= await freePort()
    writeFileSync(urlFile, `postgres://${USER}:${password}@127.0.0.1:${port}/postgres\n`, { mode: 0o600 })
  }
  const url = new URL(readFileSync(urlFile, 'utf8').trim())
  if (port && String(port) !== url.port) {
    url.port = String(port)
    writeFileSync(urlFile, url.href + '\n', { mode: 0o600 })
  }
  chmodSync(urlFile, 0o600)
  const status = spawnSync(asRoot() ? 'runuser' : join(bin, 'pg_ctl'), [
    ...(asRoot() ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
    'status',
    '-D',
    data,
  ])
  if (status.status !== 0) {
    // Socket in the data directory (not /var/run/postgresql, which may not exist); TCP on 127.0.0.1 only.
    const options = `-p ${url.port} -h 127.0.0.1 -k ${data} -c fsync=on -c max_connections=200`
    run(join(bin, 'pg_ctl'), [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      data,
      '-l',
      join(data, 'server.log'),
      '-o',
      options,
    ])
  }
  return url.href
}

export function stopCluster(dir) {
  const data = join(resolve(dir), 'data')
  if (!existsSync(join(data, 'postmaster.pid'))) return false
  run(join(postgresBin(), 'pg_ctl'), ['stop', '-w', '-t', '60', '-m', 'fast', '-D', data])
  return true
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, dirArg, portArg] = process.argv.slice(2)
  const dir = dirArg ?? process.env.SANDBOX_PG_DIR ?? '.postgres'
  try {
    if (cmd === 'start') console.log(await startCluster(dir, portArg ? Number(portArg) : undefined))
    else if (cmd === 'stop')
      console.error(stopCluster(dir) ? `stopped the cluster in ${dir}` : `no cluster running in ${dir}`)
    else throw new Error('usage: postgres.mjs start [dir] [port] | stop [dir]')
  } catch (e) {
    console.error(`postgres: ${e.stderr || e.message}`)
    process.exit(1)
  }
}
