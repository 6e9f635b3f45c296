/** The sandbox feature's entry: the autopilot deciding an app's tickets headlessly. */
export * from './autopilot'
