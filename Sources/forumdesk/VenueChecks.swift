import ForumDeskCore
import ForumDeskStore

/// What `validate` checks of the venue records: the organisation that lets each hall is in the directory, and each
/// meeting that names a record names one that exists.
enum VenueChecks {
    static func problems(_ data: DataSet, folder: DataFolder) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let organisations = Set(data.directory.organisations.map(\.id))
        for venue in data.venues {
            if let org = venue.bookedThrough, !organisations.contains(org), let path = try? folder.venueFile(venue.id) {
                result.append(
                    Diagnostic(path: path, position: nil, message: "bookedThrough: unknown organisation `\(org)`"))
            }
        }
        let ids = Set(data.venues.map(\.id))
        for meeting in data.meetings {
            if let id = meeting.venue.id, !ids.contains(id) {
                result.append(
                    Diagnostic(
                        path: data.path(ofMeeting: meeting.id) ?? meeting.id, position: nil,
                        message: "venue: no venue record `\(id)` in venues/"))
            }
        }
        return result
    }
}
