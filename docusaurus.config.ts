/**
 * The developer portal (Docusaurus 3 + Rspack): its content lives in portal/. Build with `npm run build` (which first
 * generates the API reference and the tables from their sources, see portal/scripts/build.ts); `npm start` serves
 * build/ from the mock platform's port. Dependencies are in portal/package.json (hoisted to the root node_modules).
 */
import { resolve } from 'node:path'
import type * as Preset from '@docusaurus/preset-classic'
import type { Config } from '@docusaurus/types'
import type * as OpenApiPlugin from 'docusaurus-plugin-openapi-docs'
import { themes as prismThemes } from 'prism-react-renderer'
import { createApiPageMD } from './portal/plugins/api-reference'

/**
 * The API reference (generated from the bundled spec, English content) is built in every locale, so each page exists
 * in 繁體中文 and 简体中文 too (the theme's own words translated): choosing a language on an API page never 404s.
 */
const API_HOME = '/docs/api/iam-smart-platform-api-sandbox'

/**
 * prism's GitHub and Dracula themes with the token colours that fall below a contrast of 4.5:1 on the code
 * background (WCAG AA, checked by axe-core in e2e/tests/console.spec.ts) darkened, or lightened on Dracula.
 */
const ACCESSIBLE_LIGHT: Record<string, string> = {
  '#999988': '#57606a', // comment
  '#e3116c': '#b3145a', // string
  '#36acaa': '#0f6b68', // number, boolean, constant, property …
  '#00a4db': '#0550ae', // keyword, atrule, attr-name
  '#d73a49': '#b32430', // function, tag
}
const codeTheme = (theme: typeof prismThemes.github, colours: Record<string, string>) => ({
  ...theme,
  styles: theme.styles.map(({ types, style }) => {
    const { opacity: _opacity, ...rest } = style
    return {
      types,
      style: { ...rest, ...(style.color ? { color: colours[style.color] ?? style.color } : {}) },
    }
  }),
})
/** Docusaurus's default exclusions of the docs plugin. */
const DOCS_EXCLUDE = [
  '**/_*.{js,jsx,ts,tsx,md,mdx}',
  '**/_*/**',
  '**/*.test.{js,jsx,ts,tsx}',
  '**/__tests__/**',
]

const config: Config = {
  title: 'iAM Smart Developer Sandbox',
  tagline: 'Build and test your iAM Smart integration in minutes, not weeks.',
  favicon: 'img/favicon.svg',
  url: 'http://127.0.0.1:8080',
  baseUrl: '/',
  trailingSlash: undefined,

  // experimental_vcs off: no last-update dates are shown, and reading the Git history cost ~3 s per locale.
  future: { v4: true, faster: true, experimental_vcs: false },

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  staticDirectories: ['portal/static'],
  // Names and roles the API reference's theme leaves out (axe-core).
  clientModules: ['./portal/src/client/api-a11y.ts'],

  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hant', 'zh-Hans'],
    path: 'portal/i18n',
    localeConfigs: {
      en: { label: 'English', htmlLang: 'en' },
      'zh-Hant': { label: '繁體中文', htmlLang: 'zh-Hant-HK' },
      'zh-Hans': { label: '简体中文', htmlLang: 'zh-Hans' },
    },
  },

  markdown: {
    mermaid: true,
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },

  presets: [
    [
      'classic',
      {
        docs: {
          path: 'portal/docs',
          routeBasePath: 'docs',
          sidebarPath: './portal/sidebars.ts',
          exclude: DOCS_EXCLUDE,
          // Renders the generated API pages (docs/api) and falls back to the normal doc page for the rest.
          docItemComponent: '@theme/ApiItem',
          showLastUpdateTime: false,
        },
        blog: {
          path: 'portal/news',
          routeBasePath: 'news',
          blogTitle: 'News and changelog',
          blogDescription: 'What is new in the iAM Smart Developer Sandbox',
          blogSidebarTitle: 'Latest',
          showReadingTime: false,
          onInlineAuthors: 'ignore',
          onInlineTags: 'ignore',
          onUntruncatedBlogPosts: 'ignore',
          feedOptions: { type: 'rss', xslt: false },
        },
        pages: { path: 'portal/src/pages' },
        theme: { customCss: './portal/src/css/custom.css' },
        sitemap: false,
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    // The repository's package.json says "type": "module", and the site directory is the repository root. Two things
    // then break in a CommonJS-minded bundle: the generated route registry (.docusaurus/*.js, `require.resolveWeak`)
    // is parsed as strict ESM, and Node loads the server bundle's chunks (build/__server/**/*.js) as ES modules during
    // static generation. Parse the generated files as `javascript/auto`, and give server chunks a .cjs extension.
    () => ({
      name: 'root-site-in-an-esm-package',
      configureWebpack: (_config, isServer) => ({
        module: { rules: [{ test: /[\\/]\.docusaurus[\\/].*\.js$/, type: 'javascript/auto' }] },
        ...(isServer ? { output: { chunkFilename: 'assets/js/[name].[contenthash:8].cjs' } } : {}),
      }),
    }),
    // Source code outside the pages directory (portal/src/components: the console) holds UI strings too:
    // `docusaurus write-translations` extracts them from the paths a plugin watches.
    () => ({
      name: 'portal-components',
      getPathsToWatch: () => [resolve('portal/src/components')],
    }),
    // The tutorials (tutorials/NN-slug/README.md) and the SDK samples, generated into portal/tutorials/ by
    // portal/scripts/generate-tutorials.ts. English in every locale.
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'tutorials',
        path: 'portal/tutorials',
        routeBasePath: 'tutorials',
        sidebarPath: './portal/sidebars-tutorials.ts',
        // Keep the lesson numbers in the doc ids and URLs (/tutorials/01-first-login).
        numberPrefixParser: false,
        showLastUpdateTime: false,
      },
    ],
    [
      'docusaurus-plugin-openapi-docs',
      {
        id: 'api',
        docsPluginId: 'classic',
        config: {
          platform: {
            specPath: 'openapi/dist/platform.yaml',
            outputDir: 'portal/docs/api',
            hideSendButton: true,
            // x-fidelity, x-dcodes and x-encrypted-content are rendered by portal/plugins/api-reference.ts.
            showExtensions: false,
            markdownGenerators: { createApiPageMD },
            sidebarOptions: { groupPathsBy: 'tag', categoryLinkSource: 'tag' },
          } satisfies OpenApiPlugin.Options,
        },
      },
    ],
  ],

  themes: [
    '@docusaurus/theme-mermaid',
    'docusaurus-theme-openapi-docs',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en', 'zh'],
        docsRouteBasePath: ['docs', 'tutorials'],
        docsDir: ['portal/docs', 'portal/tutorials'],
        blogRouteBasePath: 'news',
        blogDir: 'portal/news',
        indexPages: true,
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 10,
      },
    ],
  ],

  themeConfig: {
    image: 'img/social-card.svg',
    colorMode: { respectPrefersColorScheme: true },
    metadata: [
      { name: 'keywords', content: 'iAM Smart, 智方便, sandbox, API, e-ME, digital signing, Hong Kong' },
    ],
    navbar: {
      title: 'iAM Smart Sandbox',
      logo: { alt: 'iAM Smart Developer Sandbox', src: 'img/logo.svg' },
      items: [
        { to: '/docs/getting-started', position: 'left', label: 'Get started' },
        { type: 'docSidebar', sidebarId: 'guides', position: 'left', label: 'Guides' },
        {
          type: 'docSidebar',
          sidebarId: 'tutorials',
          docsPluginId: 'tutorials',
          position: 'left',
          label: 'Tutorials',
        },
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API reference' },
        { to: '/docs/troubleshooting', position: 'left', label: 'Troubleshooting' },
        { to: '/news', label: 'News', position: 'left' },
        {
          type: 'dropdown',
          label: 'Support',
          position: 'right',
          items: [
            { to: '/support-desk', label: 'Support desk (providers)' },
            { to: '/support-desk?tab=applications', label: 'Apply to the Sandbox Programme' },
            { to: '/staff-console', label: 'Staff console (support staff)' },
            { to: '/docs/reference/staff-accounts', label: 'Staff accounts (operators)' },
          ],
        },
        { to: '/console', label: 'Console', position: 'right', className: 'navbar-console-link' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Learn',
          items: [
            { label: 'Get started', to: '/docs/getting-started' },
            { label: 'Concepts', to: '/docs/concepts' },
            { label: 'Journey guides', to: '/docs/guides/login' },
            { label: 'UI guidelines', to: '/docs/ui-guidelines' },
            { label: 'Tutorials', to: '/tutorials/' },
            { label: 'SDK samples', to: '/tutorials/samples' },
          ],
        },
        {
          title: 'Reference',
          items: [
            { label: 'API reference', to: API_HOME },
            { label: 'Return codes', to: '/docs/reference/dcodes' },
            { label: 'Synthetic residents', to: '/docs/reference/residents' },
            { label: 'Fidelity', to: '/docs/reference/fidelity' },
          ],
        },
        {
          title: 'Sandbox',
          items: [
            { label: 'Console', to: '/console' },
            { label: 'Support desk', to: '/support-desk' },
            { label: 'Staff console', to: '/staff-console' },
            { label: 'Testing your integration', to: '/docs/testing/headless' },
            { label: 'Troubleshooting', to: '/docs/troubleshooting' },
            { label: 'News and changelog', to: '/news' },
          ],
        },
      ],
      copyright:
        'A developer sandbox with synthetic data only. Not affiliated with the Digital Policy Office, OGCIO or Cyberport.',
    },
    prism: {
      theme: codeTheme(prismThemes.github, ACCESSIBLE_LIGHT),
      darkTheme: codeTheme(prismThemes.dracula, { 'rgb(98, 114, 164)': '#a4b0d6' }),
      additionalLanguages: ['bash', 'json', 'http', 'java', 'csharp'],
    },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
    docs: { sidebar: { hideable: true } },
    // The API reference opens the first level of nested objects: an encrypted operation's decrypted `content`.
    api: { schemaExpansion: { enabled: false, default: 1 } },
  } satisfies Preset.ThemeConfig,
}

export default config
