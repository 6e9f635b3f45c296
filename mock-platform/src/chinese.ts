/** The two Chinese languages the sandbox writes beside English (pages, D-code texts, the inspector's diagnoses). */
export type ChineseLang = 'zh-HK' | 'zh-CN'
/** One text in Traditional (zh-HK) and Simplified (zh-CN) Chinese, side by side. */
export type Both<T> = Readonly<Record<ChineseLang, T>>
