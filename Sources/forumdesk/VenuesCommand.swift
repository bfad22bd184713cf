import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore

struct VenuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "venues",
        abstract: "List the venue records, or make them from the venues meetings name as free text.",
        subcommands: [VenuesList.self, VenuesMatch.self],
        defaultSubcommand: VenuesList.self
    )
}

struct VenuesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the venue records (venues/<id>.json) and how many meetings name each.")

    @OptionGroup var options: DataOptions

    func run() throws {
        let (_, data) = try options.load(viewing: true)
        var table = TextTable(headers: ["ID", "NAME", "CAPACITY", "ACCESSIBILITY", "MEETINGS"])
        for venue in data.venues {
            let count = data.meetings.filter { $0.venue.id == venue.id }.count
            table.add([
                venue.id, venue.name, venue.capacity.map(String.init) ?? "", venue.accessibility ?? "", String(count),
            ])
        }
        Output.line(table.render())
        Output.line("\(data.venues.count) venue\(data.venues.count == 1 ? "" : "s")")
        Output.reportLoadErrors(data)
    }
}

struct VenuesMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Link each meeting's free-text venue to a venue record, making the records that are missing.",
        discussion: """
            A one-off after upgrading: meetings whose venue names no record are grouped by name (ignoring case, \
            punctuation and spacing); a group whose name a record has is linked to it, any other becomes a new record \
            in venues/ with the address and accessibility of its latest meeting. Each meeting then names its record \
            ("venue": {"id": …}); its name, address and accessibility are left as they were, so no notice goes stale. \
            --dry-run says what would be done.
            """
    )

    @OptionGroup var options: DataOptions
    @Flag(help: "Say what would be done; change nothing.") var dryRun = false

    func run() throws {
        if dryRun { return try match() }
        try withCommandTurn(options) { try match() }
    }

    func match() throws {
        let (store, data0) = try options.load()
        var data = data0
        var groups: [String: [Meeting]] = [:]
        for meeting in data.meetings where meeting.venue.id == nil && !ClashRules.venueKey(meeting.venue).isEmpty {
            groups[ClashRules.venueKey(meeting.venue), default: []].append(meeting)
        }
        var records = data.venues
        var made: [VenueRecord] = []
        var linked: [Meeting] = []
        for key in groups.keys.sorted() {
            let meetings = groups[key]!.sorted { $0.start < $1.start }
            let latest = meetings.last!
            let record: VenueRecord
            if let found = VenueRecord.matching(latest.venue, in: records) {
                record = found
            } else {
                let id = Identifier.slug(latest.venue.name, fallback: "venue") { id in records.contains { $0.id == id }
                }
                var new = VenueRecord(id: id, name: latest.venue.name)
                new.address = meetings.last { $0.venue.address != nil }?.venue.address
                new.accessibility = meetings.last { $0.venue.accessibility != nil }?.venue.accessibility
                records.append(new)
                made.append(new)
                record = new
            }
            Output.line(
                "\(record.id): \(meetings.count) meeting\(meetings.count == 1 ? "" : "s") (\(latest.venue.name))"
                    + (made.last?.id == record.id ? ", new record" : ""))
            for meeting in meetings {
                var m = meeting
                m.venue.id = record.id
                linked.append(m)
            }
        }
        guard !dryRun else {
            Output.line(
                "would make \(made.count) venue record\(made.count == 1 ? "" : "s") and link \(linked.count) meeting\(linked.count == 1 ? "" : "s")"
            )
            return
        }
        do {
            for venue in made { try store.save(venue, in: &data) }
            for meeting in linked { try store.save(meeting, in: &data) }
        } catch {
            Output.error("\(error); the records and links written so far are kept (run it again to finish)")
            throw ExitStatus.dataError
        }
        Output.line(
            "made \(made.count) venue record\(made.count == 1 ? "" : "s") and linked \(linked.count) meeting\(linked.count == 1 ? "" : "s")"
        )
    }
}
