import ForumDeskCore

/// The clash warnings under a listing of meetings (`list meetings`, `programme`): each meeting's date, id and clash,
/// so the officer sees which hall, councillor or day to change.
enum ClashListing {
    static func show(_ rows: [(meeting: Meeting, warnings: [Warning])]) {
        guard !rows.isEmpty else { return }
        let count = rows.reduce(0) { $0 + $1.warnings.count }
        Output.line("")
        Output.line("\(count) clash\(count == 1 ? "" : "es"):")
        for (meeting, warnings) in rows {
            let day = LondonTime.date(meeting.start)
            for warning in warnings {
                Output.line("  \(LondonTime.weekday(day)) \(day) \(meeting.id): \(warning.message)")
            }
        }
    }
}
