/** The portal's sidebars: docs (learn), guides (per journey), reference, and the generated API reference (docs/api). */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs'
// Generated from openapi/dist/platform.yaml by `docusaurus gen-api-docs` (portal/scripts/build.ts runs it first).
import apiSidebar from './docs/api/sidebar'

const sidebars: SidebarsConfig = {
  guides: [
    'getting-started',
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
        { type: 'link', label: 'API reference', href: '/docs/api/iam-smart-platform-api-sandbox' },
        'reference/dcodes',
        'reference/residents',
        'reference/fidelity',
        'reference/configuration',
      ],
    },
  ],
  api: [{ type: 'doc', id: 'api/iam-smart-platform-api-sandbox', label: 'Overview' }, ...apiSidebar],
}

export default sidebars
