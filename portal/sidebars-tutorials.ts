/**
 * The Tutorials sidebar (docs plugin instance `tutorials`, content generated into portal/tutorials/ by
 * portal/scripts/generate-tutorials.ts): the lesson list, the ten lessons in order, and the samples.
 */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs'
import { lessonDirs, SAMPLES } from './scripts/generate-tutorials'

const sidebars: SidebarsConfig = {
  tutorials: [
    { type: 'doc', id: 'index', label: 'All lessons' },
    ...lessonDirs(),
    {
      type: 'category',
      label: 'Samples',
      collapsed: false,
      link: { type: 'doc', id: 'samples/index' },
      items: SAMPLES.map((s) => ({ type: 'doc' as const, id: `samples/${s}`, label: s })),
    },
  ],
}

export default sidebars
