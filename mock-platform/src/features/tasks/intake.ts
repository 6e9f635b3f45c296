/** The one task intake: every initiateRequest (profile, e-ME, step-up, signing, data exchange, anonymous) becomes a ticket here. */
import type { Services } from '../../services'
import type { RegisteredApp, Scope } from '../apps'
import type { Completer, Ticket, TicketKind } from '../tickets'
import { PlatformError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import {
  type BusinessIdLedger,
  BusinessIds,
  registeredRedirect,
  requiredString,
  requireScope,
  stringOf,
} from './initiate.validate'
import { type PushLimit, PushLimiter } from './push-limit'

type Req = Record<string, unknown>

/** What the intake reads of the platform: nothing else. */
export type IntakeDeps = Pick<
  Services,
  'clock' | 'config' | 'tickets' | 'tokens' | 'residents' | 'autopilot'
> &
  Partial<Pick<Services, 'pushes' | 'businessIds'>>

/** The fields every initiateRequest carries, read before the kind's own: businessID, source, redirectURI. */
export interface Envelope {
  app: RegisteredApp
  businessID: string
  /** Absent only where the kind lets it be left out (anonymous e-ME). */
  source: string | undefined
  redirectURI: string | undefined
}

/** The access token of an authenticated task, checked: whose it is, under the pairwise openID the app knows. */
export interface Holder {
  residentId: string
  openID: string
}

/** An authenticated task's envelope: the resident is the access token's; source and redirectURI are required. */
export interface ResidentEnvelope extends Envelope {
  token: Holder
  source: string
  redirectURI: string
}

/** What a kind makes of its request. */
export interface Parsed {
  /** What the ticket keeps of the request: shown in the app, read by the kind's completer. */
  request: Req
  /** Computed by signing kinds before the ticket exists (it binds the digest and the signer). */
  signCode?: string
}

/** Authenticated tasks also name the `state` their callback echoes. */
export interface ResidentParsed extends Parsed {
  state: string
}

/** The answer of initiateRequest: ticketID, and authByQR for authenticated kinds, and signCode for signing kinds. */
export type Answer = Record<string, unknown>

interface SpecBase {
  kind: TicketKind
  /** The scope the app must hold; the ticket carries it. */
  scope: Scope
  /** How an approved ticket of this kind produces its result (the callback's content, or getResult's). */
  complete: Completer
}

/** A task for the resident logged in with the access token: pushed to their app unless authByQR. */
export interface ResidentTaskSpec extends SpecBase {
  access: 'resident'
  /** Reads the kind's own fields after the envelope, in the order their errors are reported. */
  parse: (request: Req, envelope: ResidentEnvelope) => ResidentParsed | Promise<ResidentParsed>
  /** Runs once the ticket exists, before the autopilot may decide it (signing: its ledger, the signer's key). */
  created?: (ticket: Ticket, envelope: ResidentEnvelope) => void
}

/** A task for whoever scans the QR code: no access token, no callback; the browser takes it over at getQR. */
export interface AnonymousTaskSpec extends SpecBase {
  access: 'anonymous'
  /** source and redirectURI may be left out (anonymous e-ME); otherwise both are required. */
  optionalEnvelope?: boolean
  parse: (request: Req, envelope: Envelope) => Parsed | Promise<Parsed>
  /** Runs once the ticket exists (anonymous signing: its ledger). */
  created?: (ticket: Ticket, envelope: Envelope) => void
  /** The answer, when the kind's is not { ticketID, signCode? }. */
  answer?: (ticket: Ticket, envelope: Envelope) => Answer
}

export type TaskSpec = ResidentTaskSpec | AnonymousTaskSpec

/**
 * authByQR: the browser hands the task over at getQR (QR code) rather than the resident's app receiving a push. True
 * when the request comes from a desktop browser (source PC_Browser) or the resident's app cannot be reached (persona
 * behaviour); anonymous tasks are always handed over by QR, as nobody is known to push to.
 */
export function authByQROf(source: string, appReachable: boolean | undefined): boolean {
  return source === 'PC_Browser' || appReachable === false
}

/**
 * Owns what every task kind shares: the envelope's validation, businessID uniqueness per app (D20011), the push limit
 * per (app, resident) across every kind (D20026), the authByQR rule, the ticket, its completer and the autopilot.
 */
export class TaskIntake {
  private readonly registered = new Set<TaskSpec>()
  constructor(
    private readonly deps: IntakeDeps,
    private readonly businessIds: BusinessIdLedger = deps.businessIds ??
      new BusinessIds(deps.clock, () => deps.config.liveStatePerApp),
    private readonly pushes: PushLimit = deps.pushes ??
      new PushLimiter(deps.clock, () => deps.config.pushesPerResidentPerMinute),
  ) {}

  /** Registers a kind (its completer with the tickets) once, at start-up; initiate accepts only registered kinds. */
  register<S extends TaskSpec>(spec: S): S {
    this.deps.tickets.registerCompleter(spec.kind, spec.complete)
    this.registered.add(spec)
    return spec
  }

  /**
   * Reads the envelope, then the kind's fields (and, for a resident's kind, the resident from the store), then opens
   * the ticket and answers. An anonymous kind is synchronous when its parse is; in every case nothing awaits between
   * the push check and the push count, so concurrent calls cannot exceed it.
   */
  initiate(app: RegisteredApp, request: Req, spec: TaskSpec): Answer | Promise<Answer> {
    if (!this.registered.has(spec))
      throw new Error(`task kind ${spec.kind} was not registered with the intake`)
    // The access token is read where the token store is (a promise in the hosted mode); businessID is checked first.
    if (spec.access === 'resident') {
      requiredString(request, 'businessID')
      return then(this.deps.tokens.check(app.clientID, request.accessToken, request.openID), (token) =>
        this.open(app, request, spec, token),
      ) as Answer | Promise<Answer>
    }
    return this.open(app, request, spec, undefined)
  }

  private open(
    app: RegisteredApp,
    request: Req,
    spec: TaskSpec,
    token: Holder | undefined,
  ): Answer | Promise<Answer> {
    const envelope = this.envelope(app, request, spec, token)
    if (spec.access === 'anonymous')
      return then(spec.parse(request, envelope), (p) => this.openAnonymous(spec, envelope, p)) as
        Answer | Promise<Answer>
    // Required above: source and redirectURI are strings, the token is checked.
    const e = envelope as ResidentEnvelope
    // The resident (whether their app is reachable) is read from the store before the push check, not between.
    const resident = this.deps.residents.get(e.token.residentId)
    return Promise.all([spec.parse(request, e), resident]).then(([p, r]) =>
      this.openForResident(spec, e, p, r),
    )
  }

  /**
   * businessID, the access token (authenticated kinds), the redirect URI's registration, the scope: every kind's error
   * order. The contract's checks (presence, formats, source) ran before, in the signed pipeline's `validate` step.
   */
  private envelope(
    app: RegisteredApp,
    request: Req,
    spec: TaskSpec,
    token: Holder | undefined,
  ): Envelope & { token?: Holder } {
    const businessID = requiredString(request, 'businessID')
    const resident = spec.access === 'resident'
    const required = resident || !spec.optionalEnvelope
    const source = required ? requiredString(request, 'source') : stringOf(request, 'source')
    const redirectURI = registeredRedirect(app, request)
    if (required && redirectURI === undefined) throw new PlatformError('D20002', 'redirectURI is missing')
    requireScope(app, spec.scope)
    return { app, businessID, source, redirectURI, ...(token ? { token } : {}) }
  }

  private openForResident(
    spec: ResidentTaskSpec,
    e: ResidentEnvelope,
    p: ResidentParsed,
    resident: Resident | undefined,
  ): Answer | Promise<Answer> {
    const { clientID } = e.app
    const residentId = e.token.residentId
    const authByQR = authByQROf(e.source, resident?.behaviour.appReachable)
    // Embedded: check and count in one synchronous step. Hosted (shared counters): awaited, see push-limit.ts.
    return then(authByQR ? undefined : this.pushes.check(clientID, residentId), () =>
      then(this.businessIds.claim(clientID, e.businessID), () => {
        const ticket = this.deps.tickets.create({
          kind: spec.kind,
          clientID,
          residentId,
          scopes: [spec.scope],
          authByQR,
          callback: { redirectURI: e.redirectURI, state: p.state, businessID: e.businessID },
          request: p.request,
          ...signCodeOf(p),
        })
        return then(authByQR ? undefined : this.pushes.record(clientID, residentId), () => {
          spec.created?.(ticket, e)
          this.deps.autopilot.onCreated(ticket)
          return this.stored({ ticketID: ticket.ticketID, authByQR: ticket.authByQR, ...signCodeOf(ticket) })
        })
      }),
    ) as Answer | Promise<Answer>
  }

  private openAnonymous(spec: AnonymousTaskSpec, e: Envelope, p: Parsed): Answer | Promise<Answer> {
    // Embedded: synchronous (the ledger is in this process). Hosted: the shared ledger's claim is awaited.
    return then(this.businessIds.claim(e.app.clientID, e.businessID), () => {
      const ticket = this.deps.tickets.create({
        kind: spec.kind,
        clientID: e.app.clientID,
        scopes: [spec.scope],
        authByQR: true,
        request: p.request,
        ...signCodeOf(p),
      })
      spec.created?.(ticket, e)
      // Autopilot decides anonymous tickets at the getQR hand-over, when the resident's app would see them.
      return this.stored(
        spec.answer ? spec.answer(ticket, e) : { ticketID: ticket.ticketID, ...signCodeOf(ticket) },
      )
    }) as Answer | Promise<Answer>
  }

  /** Hosted mode: the answer once the ticket is in the shared state (any instance may be asked next); else at once. */
  private stored(answer: Answer): Answer | Promise<Answer> {
    return this.deps.tickets.writing() ? this.deps.tickets.flushed().then(() => answer) : answer
  }
}

/** Keeps the descriptive request fields (shown in the app) and drops the credentials. */
export function withoutCredentials(request: Req): Req {
  const { accessToken: _a, openID: _o, ...rest } = request
  return rest
}

function signCodeOf(o: { signCode?: string }): { signCode?: string } {
  return o.signCode === undefined ? {} : { signCode: o.signCode }
}

/** Continues at once with a value, or once a promise settles: a synchronous parse stays synchronous. */
function then<T, U>(value: T | Promise<T>, next: (v: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value)
}
