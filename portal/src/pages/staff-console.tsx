/** The support staff console (/staff-console; notification links add `?enquiry=<id>` or `?application=<id>`). */
import StaffConsole from '../components/support/StaffConsole'

export default function Page() {
  return <StaffConsole />
}
