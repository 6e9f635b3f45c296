/** The item a support page has open, from `?enquiry=<id>` or `?application=<id>` (notification links), kept in the address. */
import { useCallback, useEffect, useState } from 'react'

export type Selection = { kind: 'enquiry' | 'application'; id: string } | null

function readSelection(): Selection {
  const q = new URLSearchParams(window.location.search)
  const enquiry = q.get('enquiry')
  if (enquiry) return { kind: 'enquiry', id: enquiry }
  const application = q.get('application')
  return application ? { kind: 'application', id: application } : null
}

export function useSelection(): [Selection, (s: Selection) => void] {
  const [value, setValue] = useState<Selection>(null)
  useEffect(() => {
    const read = () => setValue(readSelection())
    read()
    window.addEventListener('popstate', read)
    return () => window.removeEventListener('popstate', read)
  }, [])
  const set = useCallback((v: Selection) => {
    const url = new URL(window.location.href)
    url.searchParams.delete('enquiry')
    url.searchParams.delete('application')
    if (v) url.searchParams.set(v.kind, v.id)
    window.history.pushState(null, '', url)
    setValue(v)
  }, [])
  return [value, set]
}
