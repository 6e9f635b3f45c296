/**
 * Remark plugin for the Chinese sites, which do not build the API reference (it is English only, built once for
 * `en`): a Markdown link to `/docs/api/…` becomes a plain `<a href="/docs/api/…">` to the English page. A plain JSX
 * `<a>` is not localised by Docusaurus (a Markdown link would become `/zh-Hant/docs/api/…`, a page that does not
 * exist) and is not in the broken-link check of the locale; the English build checks these links.
 */
export const API_PREFIX = '/docs/api/'

interface Node {
  type: string
  url?: string
  children?: Node[]
  [key: string]: unknown
}

/** The link node as a JSX `<a>` element with the same children. */
function englishLink(node: Node): Node {
  return {
    type: 'mdxJsxTextElement',
    name: 'a',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'href', value: node.url },
      { type: 'mdxJsxAttribute', name: 'hrefLang', value: 'en' },
    ],
    children: node.children ?? [],
    // As if written as JSX in the source: MDX then renders a plain <a>, not the `a` of the MDX components (Link).
    data: { _mdxExplicitJsx: true },
  }
}

function rewrite(node: Node): void {
  const children = node.children
  if (!children) return
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.type === 'link' && typeof child.url === 'string' && child.url.startsWith(API_PREFIX))
      children[i] = englishLink(child)
    else rewrite(child)
  }
}

export default function englishApiLinks() {
  return (tree: Node) => rewrite(tree)
}
