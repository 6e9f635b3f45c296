/** JSON nesting depth: bounded for every body (deep values overflow recursive code such as JSON.stringify). */

/** The deepest JSON nesting any body may have (objects and arrays; `{}` is depth 1). */
export const MAX_JSON_DEPTH = 64

/** Whether `value` nests objects or arrays deeper than `max`; iterative (no recursion), stops at the first excess. */
export function nestedTooDeep(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false
  const stack: Array<{ v: object; d: number }> = [{ v: value, d: 1 }]
  while (stack.length > 0) {
    const { v, d } = stack.pop()!
    if (d > max) return true
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push({ v: child as object, d: d + 1 })
  }
  return false
}
