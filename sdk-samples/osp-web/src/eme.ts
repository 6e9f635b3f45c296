/** e-ME data (reference §7) as the strings of the application form; fields the resident did not release stay absent. */
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { FormField } from './session'

type S = components['schemas']
export type EmeData = S['EmeData']

/** The e-ME fields the form asks for, in the request's order. */
export const EME_FIELDS: S['EmeField'][] = ['prefix', 'emailAddress', 'mobileNumber', 'residentialAddress']

const join = (parts: Array<string | undefined | false>, sep = ', ') => parts.filter(Boolean).join(sep)

export function formatAddress(a: S['ResidentialAddress']): string {
  if ('EngPremisesAddress' in a) {
    const e = a.EngPremisesAddress
    const unit = e.Eng3dAddress
    // FloorNum is the newest public name; the earlier sample DTOs say Floor (compatibility profiles).
    const floor = unit?.EngFloor?.FloorNum ?? unit?.EngFloor?.Floor
    return join([
      unit?.EngUnit && join([unit.EngUnit.UnitDescriptor, unit.EngUnit.UnitNo], ' '),
      floor && `${floor}/F`,
      e.EngBlock && join([e.EngBlock.BlockDescriptor, e.EngBlock.BlockNo], ' '),
      e.BuildingName,
      e.EngEstate && join([e.EngEstate.EstateName, e.EngEstate.EngPhase?.PhaseName], ' '),
      e.EngStreet && join([e.EngStreet.BuildingNoFrom, e.EngStreet.StreetName], ' '),
      e.EngDistrict?.['Sub-district'],
      e.EngDistrict?.DcDistrict,
      e.Region,
    ])
  }
  if ('ChiPremisesAddress' in a) {
    // Chinese addresses read from the largest unit to the smallest, without separators.
    const c = a.ChiPremisesAddress
    return join(
      [
        c.Region,
        c.ChiDistrict?.DcDistrict,
        c.ChiDistrict?.['Sub-district'],
        c.ChiStreet &&
          join([c.ChiStreet.StreetName, c.ChiStreet.BuildingNoFrom && `${c.ChiStreet.BuildingNoFrom}號`], ''),
        c.ChiEstate && join([c.ChiEstate.EstateName, c.ChiEstate.ChiPhase?.PhaseName], ''),
        c.BuildingName,
        c.ChiBlock && join([c.ChiBlock.BlockNo, c.ChiBlock.BlockDescriptor], ''),
        (c.Chi3dAddress?.ChiFloor?.FloorNum ?? c.Chi3dAddress?.ChiFloor?.Floor) &&
          `${c.Chi3dAddress?.ChiFloor?.FloorNum ?? c.Chi3dAddress?.ChiFloor?.Floor}樓`,
        c.Chi3dAddress?.ChiUnit &&
          join([c.Chi3dAddress.ChiUnit.UnitNo, c.Chi3dAddress.ChiUnit.UnitDescriptor], ''),
      ],
      '',
    )
  }
  const f = a.FreeFormatAddress
  return join([f.AddressLine1, f.AddressLine2, f.AddressLine3])
}

export function emeToForm(eme: EmeData): Partial<Record<FormField, string>> {
  const form: Partial<Record<FormField, string>> = {}
  if (eme.prefix) form.title = eme.prefix
  if (eme.emailAddress) form.email = eme.emailAddress
  const m = eme.mobileNumber
  if (m) form.mobile = join([`+${m.CountryCode}`, m.NationalDestinationCode, m.SubscriberNumber], ' ')
  if (eme.residentialAddress) form.address = formatAddress(eme.residentialAddress)
  return form
}
