/**
 * The portal's sidebars: docs (learn), guides (per journey), reference, and the generated API reference (docs/api),
 * built in every locale (docusaurus.config.ts).
 */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs'
// Generated from openapi/dist/platform.yaml by `docusaurus gen-api-docs` (portal/scripts/build.ts runs it first).
import apiSidebar from './docs/api/sidebar'

type SidebarItem = Extract<SidebarsConfig[string], unknown[]>[number]

const API_HOME = 'api/iam-smart-platform-api-sandbox'

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
      items: ['testing/headless', 'testing/magic-residents', 'testing/try-it'],
    },
    'ui-guidelines',
    'troubleshooting',
    {
      type: 'category',
      label: 'Reference',
      items: [
        { type: 'doc', id: API_HOME, label: 'API reference' },
        'reference/dcodes',
        'reference/residents',
        'reference/fidelity',
        'reference/configuration',
        'reference/staff-accounts',
        'reference/hosted-deployment',
        'reference/architecture',
      ],
    },
  ],
  // The generated sidebar starts with the overview page; it is listed once, as "Overview".
  api: [
    { type: 'doc' as const, id: API_HOME, label: 'Overview' },
    ...(apiSidebar as SidebarItem[]).filter((item) => (item as { id?: string }).id !== API_HOME),
  ],
}

export default sidebars
