/** Headless control: an app's autopilot decides each of its new tickets, so a provider's CI needs no browser. */
import type { Logger } from '../../logger'
import type { TicketsService, Decision, Ticket } from '../tickets'

export interface AutopilotSetting {
  residentId: string
  decision: Decision
  delayMs: number
}

export class Autopilot {
  private readonly settings = new Map<string, AutopilotSetting>()
  constructor(
    private readonly tickets: () => TicketsService,
    private readonly logger: Logger,
  ) {}

  set(clientID: string, setting: AutopilotSetting | undefined): void {
    if (setting) this.settings.set(clientID, setting)
    else this.settings.delete(clientID)
  }

  get(clientID: string): AutopilotSetting | undefined {
    return this.settings.get(clientID)
  }

  /**
   * An anonymous ticket reaches the resident's app at the getQR hand-over: a delayed autopilot decides it from then
   * (an immediate one is decided by getQR itself, which then redirects at once).
   */
  onHandOver(ticket: Ticket): void {
    if ((this.settings.get(ticket.clientID)?.delayMs ?? 0) > 0) this.onCreated(ticket)
  }

  /** Called for every new ticket that the resident's app sees at once (logins, authenticated tasks); schedules the decision. */
  onCreated(ticket: Ticket): void {
    const s = this.settings.get(ticket.clientID)
    if (!s) return
    const run = () =>
      this.tickets()
        .decide(ticket.ticketID, s.decision, s.residentId)
        .catch((e: Error) =>
          this.logger.warn('autopilot could not decide', { ticketID: ticket.ticketID, error: e.message }),
        )
    if (s.delayMs <= 0) void run()
    else setTimeout(run, s.delayMs).unref?.()
  }
}
