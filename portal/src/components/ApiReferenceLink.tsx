/**
 * A link to the API reference. It is built for English only: on the Chinese sites the link is a full page load of
 * the English page (`/docs/api/…`, not localised, not routed client-side).
 */
import Link from '@docusaurus/Link'
import useDocusaurusContext from '@docusaurus/useDocusaurusContext'
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
  const { i18n } = useDocusaurusContext()
  if (i18n.currentLocale === i18n.defaultLocale)
    return (
      <Link className={className} to={path}>
        {children}
      </Link>
    )
  return (
    <Link
      className={className}
      href={`pathname://${path}`}
      autoAddBaseUrl={false}
      hrefLang="en"
      target="_self"
    >
      {children}
    </Link>
  )
}
