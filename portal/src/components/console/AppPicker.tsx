/** The app a page works on, from `?app=<clientID>` (or the organisation's only app), with a picker to change it. */
import Link from '@docusaurus/Link'
import { useHistory, useLocation } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect } from 'react'
import { sandboxApi, unwrap } from '../shared/api'
import { ErrorAlert, Loading } from '../shared/feedback'
import { SelectField } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import type { App } from '../shared/types'
import ui from '../shared/ui.module.css'

/** The organisation's apps and the chosen one (`undefined` until chosen). */
export function useChosenApp(): {
  apps: App[] | undefined
  app: App | undefined
  clientID: string | undefined
  choose(clientID: string): void
  error: unknown
  loading: boolean
} {
  const location = useLocation()
  const history = useHistory()
  const { data, error, loading } = useLoad(async () => (await unwrap(sandboxApi.GET('/apps', {}))).items, [])
  const wanted = new URLSearchParams(location.search).get('app') ?? undefined
  const clientID = wanted ?? (data?.length === 1 ? data[0]!.clientID : undefined)
  const choose = (id: string) => {
    const params = new URLSearchParams(location.search)
    if (id) params.set('app', id)
    else params.delete('app')
    history.replace({ pathname: location.pathname, search: `?${params}` })
  }
  return { apps: data, app: data?.find((a) => a.clientID === clientID), clientID, choose, error, loading }
}

/** Said where an app is needed and the organisation has none: a link to create one. */
export function NoApps() {
  return (
    <div className="alert alert--info" role="status">
      <Translate id="console.picker.none">Your organisation has no app yet.</Translate>{' '}
      <Link to="/console/apps">
        <Translate id="console.picker.create">Create an app</Translate>
      </Link>
    </div>
  )
}

/** Apps as a select's choices: each by name and the start of its client ID. */
export function appChoices(apps: readonly Pick<App, 'clientID' | 'name'>[]): (readonly [string, string])[] {
  return apps.map((a) => [a.clientID, `${a.name} (${a.clientID.slice(0, 8)}…)`] as const)
}

/** The choices of an app select: none yet, then each app. */
export function appOptions(apps: readonly App[]): (readonly [string, string])[] {
  return [['', translate({ id: 'console.picker.choose', message: 'Choose an app…' })], ...appChoices(apps)]
}

export function AppPicker({ chosen }: { chosen: ReturnType<typeof useChosenApp> }) {
  const { apps, clientID, choose, error, loading } = chosen
  useEffect(() => {
    // Keep the URL shareable once the only app was chosen for the visitor.
    if (apps && clientID && !new URLSearchParams(window.location.search).get('app')) choose(clientID)
  }, [apps, clientID])
  if (loading && !apps) return <Loading />
  if (error) return <ErrorAlert error={error} />
  if (!apps || apps.length === 0) return <NoApps />
  return (
    <div className={ui.formRow}>
      <SelectField
        label={translate({ id: 'console.picker.label', message: 'App' })}
        value={clientID ?? ''}
        onChange={(e) => choose(e.target.value)}
        options={appOptions(apps)}
      />
    </div>
  )
}
