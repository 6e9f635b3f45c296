/** The staff console: one queue of enquiries and applications, triage, replies, notes, decisions and the dashboard. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { supportApi, unwrap } from '../shared/api'
import { ErrorAlert, Loading } from '../shared/feedback'
import { useLoad } from '../shared/hooks'
import type { Session } from '../shared/types'
import { Tabs } from './parts'
import { useSelection } from './selection'
import ApplicationView from './staff/ApplicationView'
import Dashboard from './staff/Dashboard'
import EnquiryView from './staff/EnquiryView'
import Queue from './staff/Queue'
import { supportPage } from './SupportFrame'

type Tab = 'queue' | 'dashboard'

/** The desk's vocabulary and the staff to assign (read once; staff only). */
function useStaffData(isStaff: boolean) {
  return useLoad(async () => {
    if (!isStaff) return undefined
    const [meta, staff] = await Promise.all([
      unwrap(supportApi.GET('/meta')),
      unwrap(supportApi.GET('/staff')),
    ])
    return { meta, staff: staff.items }
  }, [isStaff])
}

function Console({ session }: { session: Session }) {
  const isStaff = session.account.kind === 'staff'
  const { data, error } = useStaffData(isStaff)
  const [selection, select] = useSelection()
  const [tab, setTab] = useState<Tab>('queue')
  if (!isStaff)
    return (
      <p>
        <Translate id="support.staffOnly">
          This page is for support staff. Provider accounts use the support desk.
        </Translate>{' '}
        <a href="/support-desk">
          <Translate id="support.openSupportDesk">Open the support desk</Translate>
        </a>
      </p>
    )
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const { meta, staff } = data
  const back = () => select(null)
  if (selection?.kind === 'enquiry')
    return <EnquiryView meta={meta} staff={staff} session={session} id={selection.id} onBack={back} />
  if (selection?.kind === 'application')
    return <ApplicationView meta={meta} staff={staff} id={selection.id} onBack={back} />
  return (
    <>
      <Tabs<Tab>
        tabs={[
          ['queue', translate({ id: 'support.tabQueue', message: 'Queue' })],
          ['dashboard', translate({ id: 'support.tabDashboard', message: 'Dashboard' })],
        ]}
        current={tab}
        onChange={setTab}
      />
      {tab === 'queue' ? <Queue meta={meta} staff={staff} select={select} /> : <Dashboard />}
    </>
  )
}

export default supportPage('staff', Console)
