/** The try-it feature's entry: a platform operation called as the app, with its transcript. */
export * from './try-it.service'
