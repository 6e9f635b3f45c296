/** The support desk's state: durable collections, references (ENQ-0001), actors, and what every service shares. */
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { CollectionFactory, Collection } from '../../store/collection'
import type { Principal } from '../access'
import type { AccountsService } from '../accounts'
import type { AppsService } from '../apps'
import type { InspectedItem, Inspector } from '../inspector'
import type { MailOutbox } from '../notifications'
import type { BlobStore } from './blob-store'
import type { OrgsService } from '../orgs'
import { SupportTargets, type Targets } from './targets'
import type { Actor, Application, Enquiry, Item } from './support.types'

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
    readonly enquiries: Collection<Enquiry>,
    readonly applications: Collection<Application>,
    readonly snapshots: Collection<RequestSnapshots>,
    readonly targets: SupportTargets,
  ) {
    this.blobs = d.blobs
    const max = (items: Item[]) => Math.max(0, ...items.map((i) => Number(i.reference.split('-')[1])))
    this.counters = { enquiry: max(enquiries.list()), application: max(applications.list()) }
  }

  static async open(storage: CollectionFactory, d: DeskDeps): Promise<Desk> {
    return new Desk(
      d,
      await storage.collection<Enquiry>('support-enquiries'),
      await storage.collection<Application>('support-applications'),
      await storage.collection<RequestSnapshots>('support-requests'),
      new SupportTargets(await storage.collection<Targets>('support-settings'), d.config),
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

  actor(p: Principal): Actor {
    if (p.kind === 'admin') return { kind: 'admin' }
    return { kind: p.kind, accountId: p.accountId, email: this.d.accounts.get(p.accountId)?.email }
  }

  item(kind: 'enquiry' | 'application', id: string): Item | undefined {
    return kind === 'enquiry' ? this.enquiries.get(id) : this.applications.get(id)
  }

  put(item: Item): Promise<void> {
    return item.kind === 'enquiry' ? this.enquiries.put(item) : this.applications.put(item)
  }

  /** Every staff account's address, or the desk's own when there is no staff yet. */
  staffAddresses(): string[] {
    const staff = this.d.accounts.list('staff').map((a) => a.email)
    return staff.length > 0 ? staff : [this.d.config.mailFrom ?? 'support@sandbox.invalid']
  }

  emailOf(accountId: string | undefined): string | undefined {
    return accountId ? this.d.accounts.get(accountId)?.email : undefined
  }

  /** A staff member's address, or every staff address when nobody is assigned. */
  assigneeOrStaff(item: Item): string[] {
    const e = this.emailOf(item.assigneeId)
    return e ? [e] : this.staffAddresses()
  }

  portalLink(item: Item, audience: 'provider' | 'staff'): string {
    const page = audience === 'provider' ? '/support-desk' : '/staff-console'
    return `${this.d.config.publicBaseUrl}${page}?${item.kind}=${item.id}`
  }
}
