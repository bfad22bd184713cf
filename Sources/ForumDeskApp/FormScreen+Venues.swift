import ForumDeskCore
import ForumDeskStore
import TerminalUI

extension FormScreen {
    /// The meeting form's venue: a name that is a venue record's (`venues/<id>.json`) links the meeting to it and
    /// fills the address and accessibility left empty; the note says what the record holds. Any other name stays
    /// free text.
    static func noteVenue(_ form: inout Form, _ venue: inout Venue, _ c: Context) {
        guard let record = VenueRecord.matching(Venue(name: venue.name), in: c.data.venues) else {
            venue.id = nil
            if !c.data.venues.isEmpty, !venue.name.isEmpty {
                form.note("venue", "not a venue record: free text (`forumdesk venues list`)")
            }
            return
        }
        venue.id = record.id
        if venue.address == nil { venue.address = record.address }
        if venue.accessibility == nil { venue.accessibility = record.accessibility }
        let facts = [record.capacity.map { "seats \($0)" }, record.address, record.accessibility].compactMap { $0 }
        form.note("venue", "venue record \(record.id)" + (facts.isEmpty ? "" : ": " + facts.joined(separator: " · ")))
    }
}
