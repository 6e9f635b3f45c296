/** Lesson 03: ask for the logged-in resident's profile and e-ME data; the answer comes by callback. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { PendingRequests } from './requests'

type S = components['schemas']
export type EmeData = S['EmeData']
export type Login = { accessToken: string; openID: string }

// #region profile
export async function requestProfile(
  client: IamSmartClient,
  requests: PendingRequests,
  o: Login & { callbackURI: string; source: Source },
) {
  const { businessID, state } = requests.open('profile')
  const res = await client.initiateProfileRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI, // the callback is POSTed here: it must be registered too
    lang: 'en-US',
    profileFields: ['idNo', 'enName', 'chName', 'birthDate', 'gender'],
  })
  if (!res.ok)
    throw new Error(
      `initiateProfileRequest: ${res.error.kind === 'transport' ? 'transport' : res.error.code}`,
    )
  // authByQR true: send the browser to getQR with this ticketID; false: it is in the resident's app already.
  return { businessID, ticketID: res.data.ticketID, authByQR: res.data.authByQR }
}
// #endregion profile

// #region eme
export async function requestEme(
  client: IamSmartClient,
  requests: PendingRequests,
  o: Login & { callbackURI: string; source: Source },
) {
  const { businessID, state } = requests.open('eme')
  const res = await client.initiateEmeRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    eMEFields: ['prefix', 'emailAddress', 'mobileNumber', 'residentialAddress'],
    formName: 'Synthetic permit application', // shown to the resident in the app
    formNum: 'SPA-1',
  })
  if (!res.ok)
    throw new Error(`initiateEmeRequest: ${res.error.kind === 'transport' ? 'transport' : res.error.code}`)
  return { businessID, ticketID: res.data.ticketID, authByQR: res.data.authByQR }
}
// #endregion eme

// #region fill
/** e-ME values as the strings of your form; a field the resident never filled in is simply absent. */
export function toFormValues(eme: EmeData): Record<string, string> {
  const form: Record<string, string> = {}
  if (eme.prefix) form.title = eme.prefix
  if (eme.emailAddress) form.email = eme.emailAddress
  if (eme.mobileNumber) form.mobile = `+${eme.mobileNumber.CountryCode} ${eme.mobileNumber.SubscriberNumber}`
  const address = eme.residentialAddress
  if (address && 'EngPremisesAddress' in address) {
    const a = address.EngPremisesAddress
    const unit = a.Eng3dAddress
    // FloorNum is the newest public name; the earlier sample DTOs say Floor (compatibility profiles).
    const floor = unit?.EngFloor?.FloorNum ?? unit?.EngFloor?.Floor
    form.address = [
      unit?.EngUnit && `${unit.EngUnit.UnitDescriptor} ${unit.EngUnit.UnitNo}`,
      floor && `${floor}/F`,
      a.EngBlock && `${a.EngBlock.BlockDescriptor} ${a.EngBlock.BlockNo}`,
      a.BuildingName,
      a.EngEstate && [a.EngEstate.EstateName, a.EngEstate.EngPhase?.PhaseName].filter(Boolean).join(' '),
      a.EngStreet && [a.EngStreet.BuildingNoFrom, a.EngStreet.StreetName].filter(Boolean).join(' '),
      a.EngDistrict?.['Sub-district'],
      a.EngDistrict?.DcDistrict,
      a.Region,
    ]
      .filter(Boolean)
      .join(', ')
  } else if (address && 'FreeFormatAddress' in address) {
    const f = address.FreeFormatAddress
    form.address = [f.AddressLine1, f.AddressLine2, f.AddressLine3].filter(Boolean).join(', ')
  }
  return form
}
// #endregion fill
