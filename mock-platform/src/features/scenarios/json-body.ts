/** Reads a sandbox API JSON body: 415 without application/json, 400 when malformed or too deep (problem+json). */
export { readJson as jsonBody } from '../../http/body'
