/** The providers' support desk (/support-desk; notification links add `?enquiry=<id>` or `?application=<id>`). */
import SupportDesk from '../components/support/SupportDesk'

export default function Page() {
  return <SupportDesk />
}
