/** The support desk's state: durable collections, references (ENQ-0001), actors, and what every service shares. */
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import { type Documents, type DocumentStore, findAll } from '../../store/documents'
import type { Principal } from '../access'
import type { AccountsService } from '../accounts'
import type { AppsService } from '../apps'
import type { InspectedItem, Inspector } from '../inspector'
import type { MailOutbox } from '../notifications'
import type { BlobStore } from './blob-store'
import type { OrgsService } from '../orgs'
import { SupportTargets, type Targets } from './targets'
import { type Actor, type Application, type Enquiry, type Item, OPEN_STATUSES } from './support.types'

/** The attached requests as the inspector showed them at filing time (secrets masked), kept past the inspector's tail. */
export interface RequestSnapshots {
  id: string
  items: InspectedItem[]
}

export interface DeskDeps {
  clock: Clock
  config: Config
  orgs: OrgsService
  accounts: AccountsService
  apps: AppsService
  inspector: Inspector
  mail: MailOutbox
  /** Attachment bytes (files in lowdb mode). */
  blobs: BlobStore
}

export class Desk {
  private counters = { enquiry: 0, application: 0 }
  readonly blobs: BlobStore

  private constructor(
    readonly d: DeskDeps,
    readonly enquiries: Documents<Enquiry>,
    readonly applications: Documents<Application>,
    readonly snapshots: Documents<RequestSnapshots>,
    readonly targets: SupportTargets,
    counters: { enquiry: number; application: number },
  ) {
    this.blobs = d.blobs
    this.counters = counters
  }

  /**
   * The desk over its documents. The reference counters start from the highest reference stored (one whole read of
   * each collection at start); they are kept by this process afterwards.
   */
  static async open(documents: DocumentStore, d: DeskDeps): Promise<Desk> {
    const enquiries = await documents.documents<Enquiry>('support-enquiries')
    const applications = await documents.documents<Application>('support-applications')
    const max = (items: Item[]) => Math.max(0, ...items.map((i) => Number(i.reference.split('-')[1])))
    return new Desk(
      d,
      enquiries,
      applications,
      await documents.documents<RequestSnapshots>('support-requests'),
      await SupportTargets.open(await documents.documents<Targets>('support-settings'), d.config),
      { enquiry: max(await findAll(enquiries)), application: max(await findAll(applications)) },
    )
  }

  now(): number {
    return this.d.clock.now()
  }

  /** The next human reference, taken synchronously (so two filings never share one). */
  reference(kind: 'enquiry' | 'application'): string {
    const n = ++this.counters[kind]
    return `${kind === 'enquiry' ? 'ENQ' : 'APP'}-${String(n).padStart(4, '0')}`
  }

  async actor(p: Principal): Promise<Actor> {
    if (p.kind === 'admin') return { kind: 'admin' }
    return { kind: p.kind, accountId: p.accountId, email: (await this.d.accounts.get(p.accountId))?.email }
  }

  item(kind: 'enquiry' | 'application', id: string): Promise<Item | undefined> {
    return kind === 'enquiry' ? this.enquiries.get(id) : this.applications.get(id)
  }

  /** Open enquiries (asked of the store status by status), oldest first by reference. */
  async openEnquiries(): Promise<Enquiry[]> {
    const found = await Promise.all(OPEN_STATUSES.map((status) => findAll(this.enquiries, { status })))
    return byReference(found.flat())
  }

  /** Every item of both kinds, or of one organisation (asked of the store by `orgId`), oldest first by reference. */
  async items(where: { orgId?: string } = {}): Promise<Item[]> {
    const [enquiries, applications] = await Promise.all([
      findAll(this.enquiries, where),
      findAll(this.applications, where),
    ])
    return [...byReference(enquiries), ...byReference(applications)]
  }

  put(item: Item): Promise<void> {
    return item.kind === 'enquiry' ? this.enquiries.put(item) : this.applications.put(item)
  }

  /** Every staff account's address, or the desk's own when there is no staff yet. */
  async staffAddresses(): Promise<string[]> {
    const staff = (await this.d.accounts.list('staff')).map((a) => a.email)
    return staff.length > 0 ? staff : [this.d.config.mailFrom ?? 'support@sandbox.invalid']
  }

  async emailOf(accountId: string | undefined): Promise<string | undefined> {
    return accountId ? (await this.d.accounts.get(accountId))?.email : undefined
  }

  /** A staff member's address, or every staff address when nobody is assigned. */
  async assigneeOrStaff(item: Item): Promise<string[]> {
    const e = await this.emailOf(item.assigneeId)
    return e ? [e] : this.staffAddresses()
  }

  portalLink(item: Item, audience: 'provider' | 'staff'): string {
    const page = audience === 'provider' ? '/support-desk' : '/staff-console'
    return `${this.d.config.publicBaseUrl}${page}?${item.kind}=${item.id}`
  }
}

/** Items in the order they were filed (references are numbered in order). */
export const byReference = <T extends Item>(items: T[]): T[] =>
  items.sort((a, b) => Number(a.reference.split('-')[1]) - Number(b.reference.split('-')[1]))
