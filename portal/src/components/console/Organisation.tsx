/**
 * The organisation: its name and solo setting, members and invitations. Approvers invite by email, change roles
 * (creator proposes app changes, approver decides them and manages members) and remove members.
 */
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { formatHkTime } from '../hk-time'
import { sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Loading, Notice } from '../shared/feedback'
import { CheckboxField, EmailField, fieldError, SelectField, TextField, useFields } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { Fact, FormPanel, Section } from '../shared/Section'
import { useSession, useSignedIn } from '../shared/session'
import { Table } from '../shared/Table'
import type { Member, MemberRole } from '../shared/types'
import ui from '../shared/ui.module.css'
import styles from './console.module.css'

const roleOptions = () =>
  [
    ['creator', translate({ id: 'console.org.role.creator', message: 'Creator: proposes app changes' })],
    [
      'approver',
      translate({ id: 'console.org.role.approver', message: 'Approver: decides changes, manages members' }),
    ],
  ] as const

export default function Organisation() {
  const session = useSignedIn()
  const { refresh } = useSession()
  const orgId = session.organisation?.id
  const approver = session.organisation?.role === 'approver'
  const org = useLoad(
    async () =>
      orgId ? unwrap(sandboxApi.GET('/orgs/{orgId}', { params: { path: { orgId } } })) : undefined,
    [orgId],
  )
  const members = useLoad(
    async () =>
      orgId
        ? (await unwrap(sandboxApi.GET('/orgs/{orgId}/members', { params: { path: { orgId } } }))).items
        : [],
    [orgId],
  )
  const [name, setName] = useState<string>()
  const invitation = useFields({ email: '', role: 'creator' as MemberRole })
  const { email, role } = invitation.values
  const { bind, error, fail, errors } = invitation
  const [message, setMessage] = useState<string>()

  if (!orgId)
    return (
      <p>
        <Translate id="console.org.none">Your account belongs to no organisation.</Translate>
      </p>
    )

  const act = async (what: () => Promise<unknown>, done: string) => {
    setMessage(undefined)
    try {
      await what()
      fail(undefined)
      setMessage(done)
      await Promise.all([org.reload(), members.reload(), refresh()])
    } catch (e) {
      fail(e)
    }
  }

  const update = (body: { name?: string; solo?: boolean }) =>
    act(
      () => unwrap(sandboxApi.PATCH('/orgs/{orgId}', { params: { path: { orgId } }, body })),
      translate({ id: 'console.org.saved', message: 'Organisation saved.' }),
    )

  const invite = (e?: FormEvent) => {
    e?.preventDefault()
    return act(
      () =>
        unwrap(
          sandboxApi.POST('/orgs/{orgId}/members', { params: { path: { orgId } }, body: { email, role } }),
        ),
      translate({ id: 'console.org.invited', message: 'Invited {email}.' }, { email }),
    ).then(() => invitation.set('email', ''))
  }

  const setMemberRole = (m: Member, r: MemberRole) =>
    act(
      () =>
        unwrap(
          sandboxApi.PATCH('/orgs/{orgId}/members/{memberId}', {
            params: { path: { orgId, memberId: m.id } },
            body: { role: r },
          }),
        ),
      translate(
        { id: 'console.org.roleChanged', message: '{email} is now {role}.' },
        { email: m.email, role: r },
      ),
    )

  const remove = (m: Member) => {
    if (
      !window.confirm(
        translate({ id: 'console.org.remove.confirm', message: 'Remove {email}?' }, { email: m.email }),
      )
    )
      return Promise.resolve()
    return act(
      () =>
        unwrap(
          sandboxApi.DELETE('/orgs/{orgId}/members/{memberId}', {
            params: { path: { orgId, memberId: m.id } },
          }),
        ),
      translate({ id: 'console.org.removed', message: 'Removed {email}.' }, { email: m.email }),
    )
  }

  return (
    <>
      <ErrorAlert error={error ?? org.error ?? members.error} shownFields={['email', 'role', 'name']} />
      {message && <Notice>{message}</Notice>}
      <Section panel id="org-settings" title={<Translate id="console.org.settings">Organisation</Translate>}>
        {!org.data ? (
          <Loading />
        ) : (
          <>
            <dl className={styles.kv}>
              <Fact term={<Translate id="console.org.yourRole">Your role</Translate>}>
                <Badge tone="ok">{session.organisation?.role}</Badge>
              </Fact>
              <Fact term={<Translate id="console.org.members">Members</Translate>}>
                {org.data.memberCount}
              </Fact>
              <Fact term={<Translate id="console.org.created">Created</Translate>}>
                {formatHkTime(org.data.createdAt)}
              </Fact>
            </dl>
            <TextField
              label={translate({ id: 'console.field.orgName', message: 'Organisation name' })}
              value={name ?? org.data.name}
              disabled={!approver}
              onChange={(e) => setName(e.target.value)}
              error={fieldError(errors, 'name')}
            />
            <CheckboxField
              label={translate({
                id: 'console.org.solo',
                message: 'Solo: changes apply at once, without approval',
              })}
              checked={org.data.solo}
              disabled={!approver}
              onChange={(e) => void update({ solo: e.target.checked })}
              hint={translate({
                id: 'console.org.solo.hint',
                message:
                  'Turn it off when several people work on your apps, so an approver checks each change.',
              })}
            />
            {approver && (
              <ActionButton onClick={() => update({ name: (name ?? org.data!.name).trim() })}>
                <Translate id="console.org.save">Save name</Translate>
              </ActionButton>
            )}
          </>
        )}
      </Section>
      <Section id="members" title={<Translate id="console.org.members">Members</Translate>}>
        {!members.data ? (
          <Loading />
        ) : (
          <Table
            columns={[
              <Translate id="console.field.email">Email address</Translate>,
              <Translate id="console.org.col.role">Role</Translate>,
              <Translate id="console.org.col.status">Status</Translate>,
              <Translate id="console.org.col.since">Since</Translate>,
              ...(approver ? [<Translate id="console.org.col.actions">Actions</Translate>] : []),
            ]}
          >
            {members.data.map((m) => (
              <tr key={m.id}>
                <td>{m.email}</td>
                <td>
                  {approver && m.email !== session.account.email ? (
                    <select
                      aria-label={translate(
                        { id: 'console.org.roleOf', message: 'Role of {email}' },
                        { email: m.email },
                      )}
                      value={m.role}
                      onChange={(e) => void setMemberRole(m, e.target.value as MemberRole)}
                    >
                      <option value="creator">creator</option>
                      <option value="approver">approver</option>
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td>
                  <Badge tone={m.status === 'active' ? 'ok' : 'warning'}>
                    {m.status === 'active'
                      ? translate({ id: 'console.org.status.active', message: 'active' })
                      : translate({ id: 'console.org.status.invited', message: 'invited' })}
                  </Badge>
                </td>
                <td>{formatHkTime(m.joinedAt ?? m.invitedAt)}</td>
                {approver && (
                  <td>
                    {m.email !== session.account.email && (
                      <ActionButton
                        className="button--danger button--outline button--sm"
                        onClick={() => remove(m)}
                      >
                        {m.status === 'invited'
                          ? translate({ id: 'console.org.withdraw', message: 'Withdraw invitation' })
                          : translate({ id: 'console.org.remove', message: 'Remove' })}
                      </ActionButton>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {approver && (
        <FormPanel
          id="invite"
          title={<Translate id="console.org.invite.title">Invite a member</Translate>}
          onSubmit={invite}
        >
          <p>
            <Translate id="console.org.invite.intro">
              The person signs up with this address and joins your organisation. An existing account without
              an organisation joins at once.
            </Translate>
          </p>
          <div className={ui.formRow}>
            <EmailField {...bind('email')} />
            <SelectField
              label={translate({ id: 'console.org.col.role', message: 'Role' })}
              options={roleOptions()}
              {...bind('role')}
            />
          </div>
          <ActionButton type="submit">
            <Translate id="console.org.invite.submit">Send invitation</Translate>
          </ActionButton>
        </FormPanel>
      )}
    </>
  )
}
