/**
 * The developer portal (Docusaurus 3 + Rspack): its content lives in portal/. Build with `npm run build` (which first
 * generates the API reference and the tables from their sources, see portal/scripts/build.ts); `npm start` serves
 * build/ from the mock platform's port. Dependencies are in portal/package.json (hoisted to the root node_modules).
 */
import type * as Preset from '@docusaurus/preset-classic'
import type { Config } from '@docusaurus/types'
import type * as OpenApiPlugin from 'docusaurus-plugin-openapi-docs'
import { themes as prismThemes } from 'prism-react-renderer'

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
            showExtensions: true,
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
        docsRouteBasePath: 'docs',
        docsDir: 'portal/docs',
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
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API reference' },
        { to: '/docs/troubleshooting', position: 'left', label: 'Troubleshooting' },
        { to: '/news', label: 'News', position: 'left' },
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
          ],
        },
        {
          title: 'Reference',
          items: [
            { label: 'API reference', to: '/docs/api/iam-smart-platform-api-sandbox' },
            { label: 'Return codes', to: '/docs/reference/dcodes' },
            { label: 'Synthetic residents', to: '/docs/reference/residents' },
            { label: 'Fidelity', to: '/docs/reference/fidelity' },
          ],
        },
        {
          title: 'Sandbox',
          items: [
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
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'json', 'http', 'java', 'csharp'],
    },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
    docs: { sidebar: { hideable: true } },
  } satisfies Preset.ThemeConfig,
}

export default config
