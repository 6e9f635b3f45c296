/** A link to the API reference, in the reader's language (the reference is built in every locale). */
import Link from '@docusaurus/Link'
import type { ReactNode } from 'react'

export const API_HOME = '/docs/api/iam-smart-platform-api-sandbox'

export default function ApiReferenceLink({
  path = API_HOME,
  className,
  children,
}: {
  path?: string
  className?: string
  children: ReactNode
}) {
  return (
    <Link className={className} to={path}>
      {children}
    </Link>
  )
}
