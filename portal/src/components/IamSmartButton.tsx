/**
 * "Login with iAM Smart" and the other mandated iAM Smart buttons, in English, Traditional and Simplified Chinese.
 * One self-contained file (React, inline styles): copy it into your e-Service. Brand colour #2b7367.
 */
import type { CSSProperties, MouseEventHandler } from 'react'

export type IamSmartAction = 'login' | 'signing' | 'authentication' | 'open' | 'continue'
export type IamSmartLang = 'en' | 'zh-HK' | 'zh-CN'

/** The mandated captions (iAM Smart UI guidelines). */
export const CAPTIONS: Record<IamSmartAction, Record<IamSmartLang, string>> = {
  login: { en: 'Login with iAM Smart', 'zh-HK': '智方便登入', 'zh-CN': '智方便登入' },
  signing: { en: 'Signing with iAM Smart', 'zh-HK': '智方便數碼簽署', 'zh-CN': '智方便数码签署' },
  authentication: { en: 'Authentication with iAM Smart', 'zh-HK': '智方便認證', 'zh-CN': '智方便认证' },
  open: { en: 'Open iAM Smart', 'zh-HK': '開啟智方便', 'zh-CN': '开启智方便' },
  continue: { en: 'Continue with iAM Smart', 'zh-HK': '以智方便繼續', 'zh-CN': '以智方便继续' },
}

const MORE_INFO: Record<IamSmartLang, { text: string; href: string }> = {
  en: { text: 'More info', href: 'https://www.iamsmart.gov.hk/en/' },
  'zh-HK': { text: '了解更多', href: 'https://www.iamsmart.gov.hk/tc/' },
  'zh-CN': { text: '了解更多', href: 'https://www.iamsmart.gov.hk/sc/' },
}

const BRAND = '#2b7367'

export interface IamSmartButtonProps {
  action?: IamSmartAction
  lang?: IamSmartLang
  /** `dark`: brand-coloured button with white text; `light`: white button with brand-coloured text and border. */
  theme?: 'dark' | 'light'
  /** Start the request only here, when the resident clicks (never on page load). */
  onClick?: MouseEventHandler<HTMLButtonElement>
  disabled?: boolean
}

export function IamSmartButton({
  action = 'login',
  lang = 'en',
  theme = 'dark',
  onClick,
  disabled = false,
}: IamSmartButtonProps) {
  const dark = theme === 'dark'
  const style: CSSProperties = {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '0.6em',
    minHeight: 44,
    padding: '0.55em 1.2em',
    border: `2px solid ${BRAND}`,
    borderRadius: 8,
    background: dark ? BRAND : '#ffffff',
    color: dark ? '#ffffff' : BRAND,
    font: 'inherit',
    fontSize: '1rem',
    fontWeight: 600,
    lineHeight: 1.2,
    cursor: disabled ? 'not-allowed' : 'pointer',
    opacity: disabled ? 0.6 : 1,
  }
  return (
    <button type="button" style={style} onClick={onClick} disabled={disabled} lang={lang}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="22" height="22" rx="6" fill={dark ? '#ffffff' : BRAND} />
        <circle cx="12" cy="9" r="3.2" fill={dark ? BRAND : '#ffffff'} />
        <path
          d="M6.5 18.5c.8-3 3-4.6 5.5-4.6s4.7 1.6 5.5 4.6"
          fill="none"
          stroke={dark ? BRAND : '#ffffff'}
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
      <span>{CAPTIONS[action][lang]}</span>
    </button>
  )
}

/** The "More info" link every page that starts an iAM Smart request must show. */
export function IamSmartMoreInfo({ lang = 'en' }: { lang?: IamSmartLang }) {
  const info = MORE_INFO[lang]
  return (
    <a href={info.href} target="_blank" rel="noopener noreferrer" lang={lang} style={{ color: BRAND }}>
      {info.text}
    </a>
  )
}
