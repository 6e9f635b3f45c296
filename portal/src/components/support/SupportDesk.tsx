/** The providers' support desk: their organisation's enquiries and programme applications. */
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect, useState } from 'react'
import { supportApi, unwrap } from '../shared/api'
import { ErrorAlert, Loading } from '../shared/feedback'
import { useLoad } from '../shared/hooks'
import type { Session } from '../shared/types'
import Applications from './desk/Applications'
import Enquiries from './desk/Enquiries'
import { Tabs } from './parts'
import { useSelection } from './selection'
import { supportPage } from './SupportFrame'

type Tab = 'enquiries' | 'applications'

function Desk({ session }: { session: Session }) {
  const meta = useLoad(() => unwrap(supportApi.GET('/meta')), [])
  const [selection, select] = useSelection()
  const [tab, setTab] = useState<Tab>('enquiries')
  useEffect(() => {
    if (selection) setTab(selection.kind === 'application' ? 'applications' : 'enquiries')
    // Links for programme applicants (home page, navbar) open the applications tab: ?tab=applications.
    else if (new URL(window.location.href).searchParams.get('tab') === 'applications') setTab('applications')
  }, [selection])
  if (session.account.kind === 'staff')
    return (
      <p>
        <Translate id="support.providersOnly">Staff accounts use the staff console.</Translate>{' '}
        <a href="/staff-console">
          <Translate id="support.openStaffConsole">Open the staff console</Translate>
        </a>
      </p>
    )
  if (meta.error) return <ErrorAlert error={meta.error} />
  if (!meta.data) return <Loading />
  return (
    <>
      <Tabs
        tabs={[
          ['enquiries', translate({ id: 'support.tabEnquiries', message: 'Enquiries' })],
          ['applications', translate({ id: 'support.tabApplications', message: 'Applications' })],
        ]}
        current={tab}
        onChange={(k) => {
          setTab(k)
          select(null)
        }}
      />
      {tab === 'enquiries' ? (
        <Enquiries meta={meta.data} selection={selection} select={select} />
      ) : (
        <Applications meta={meta.data} session={session} selection={selection} select={select} />
      )}
    </>
  )
}

export default supportPage('desk', Desk)
