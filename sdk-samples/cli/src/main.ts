/** iamsmart-sandbox-cli: try the iAM Smart calls from a terminal (progress on stderr, results as JSON on stdout). */
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { CliError, decrypt, getkey, profile, qrUrl, wait } from './commands'
import { credentials, parse, USAGE } from './options'
import { progressFetch } from './progress'

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { command, file, flags, help } = parsed
  if (help || !command || !['getkey', 'qr-url', 'wait', 'decrypt', 'profile'].includes(command)) {
    process.stderr.write(USAGE)
    return help ? 0 : 2
  }
  const creds = credentials(flags)
  const client = createIamSmartClient({
    baseUrl: `${creds.baseUrl}/api/v1`,
    clientID: creds.clientID,
    clientSecret: creds.clientSecret,
    kekPrivateKeys: [creds.kekPrivateKeyPem],
    fetch: progressFetch(),
  })
  if (command === 'getkey') await getkey(client)
  else if (command === 'qr-url') process.stdout.write(`${qrUrl(client, flags)}\n`)
  else if (command === 'wait') await wait(client, creds.baseUrl, flags)
  else if (command === 'profile')
    await profile(creds, file, flags['admin-token'] ?? process.env.IAMSMART_ADMIN_TOKEN)
  else await decrypt(client, file)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`✗ ${e instanceof CliError || e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
