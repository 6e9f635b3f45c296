/**
 * The portal's sidebars: docs (learn), guides (per journey), reference, and the generated API reference (docs/api).
 * The API reference is built for English only (docusaurus.config.ts): the Chinese sites have no `api` sidebar, and
 * their "API reference" entry is a full page load of the English page.
 */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs'
// Generated from openapi/dist/platform.yaml by `docusaurus gen-api-docs` (portal/scripts/build.ts runs it first).
import apiSidebar from './docs/api/sidebar'

const WITH_API_REFERENCE = (process.env.DOCUSAURUS_CURRENT_LOCALE ?? 'en') === 'en'
const API_HOME = '/docs/api/iam-smart-platform-api-sandbox'

const sidebars: SidebarsConfig = {
  guides: [
    'getting-started',
    'install',
    {
      type: 'category',
      label: 'Concepts',
      link: { type: 'doc', id: 'concepts/index' },
      items: [
        'concepts/account-tiers',
        'concepts/journeys',
        'concepts/request-signing',
        'concepts/encryption',
        'concepts/callbacks',
        'concepts/identification-code',
      ],
    },
    {
      type: 'category',
      label: 'Journey guides',
      collapsed: false,
      items: [
        'guides/login',
        'guides/profile',
        'guides/eme-form-filling',
        'guides/anonymous-form-filling',
        'guides/step-up',
        'guides/hash-signing',
        'guides/pdf-signing',
        'guides/consent',
      ],
    },
    {
      type: 'category',
      label: 'Testing your integration',
      items: ['testing/headless', 'testing/magic-residents'],
    },
    'ui-guidelines',
    'troubleshooting',
    {
      type: 'category',
      label: 'Reference',
      items: [
        WITH_API_REFERENCE
          ? { type: 'link', label: 'API reference', href: API_HOME }
          : { type: 'link', label: 'API reference', href: `pathname://${API_HOME}`, autoAddBaseUrl: false },
        'reference/dcodes',
        'reference/residents',
        'reference/fidelity',
        'reference/configuration',
      ],
    },
  ],
  ...(WITH_API_REFERENCE
    ? {
        api: [
          { type: 'doc' as const, id: 'api/iam-smart-platform-api-sandbox', label: 'Overview' },
          ...apiSidebar,
        ],
      }
    : {}),
}

export default sidebars
