/**
 * Step `validate`: the decrypted request checked against the operation's schema in the contract, answered with the
 * D-code the contract documents for the field (D20002 missing or empty, D20007 an unsupported source, D20003 anything
 * else) and a detail naming the field and what it expects.
 */
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import type { DCode } from '../../errors'
import { PlatformError } from '../../errors'
import { type ContractIssue, contractIssues } from '../../http/contract-validator'
import type { Step } from '../signed-call'

export const validateContent: Step = (call) => {
  // Recorded before the check, so the inspector can explain a refusal from what was sent.
  call.record.request = call.request
  const issue = contractIssues('platform', call.operationId, withoutEmpty(call.request))[0]
  if (!issue) return
  const code = documented(call.operationId, codeOf(issue))
  throw new PlatformError(code, detailOf(issue, call.request))
}

function codeOf(issue: ContractIssue): DCode {
  if (issue.kind === 'missing') return 'D20002'
  if (issue.kind === 'unknown') return 'D20001'
  // Source: "Any other value gives D20007" (a wrong type is still illegal: D20003).
  if (issue.field === 'source' && issue.keyword === 'enum') return 'D20007'
  return 'D20003'
}

/** The code when the operation documents it, else D20003 (every operation with a request documents D20003). */
function documented(operationId: string, code: DCode): DCode {
  const op = (platformOperations as Record<string, { dcodes: readonly string[] }>)[operationId]
  return !op || op.dcodes.includes(code) ? code : 'D20003'
}

function detailOf(issue: ContractIssue, request: unknown): string {
  if (issue.field === 'source' && issue.keyword === 'enum')
    return `source "${String((request as Record<string, unknown>).source)}" is not supported (${issue.expected})`
  return `${issue.field || 'body'} ${issue.kind === 'missing' ? 'is missing' : issue.expected}`
}

/**
 * The request without its null and '' members: a required one is then missing (D20002), an optional one absent, as
 * the official sample's DTOs send an unset field (the handler reads them the same way).
 */
function withoutEmpty(request: unknown): unknown {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return request
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== null && v !== ''))
}
