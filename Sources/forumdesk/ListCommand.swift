import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings, actions, topic requests or consultations as a table, or as JSON with --json.",
        subcommands: [ListMeetings.self, ListActions.self, ListTopics.self, ListConsultations.self]
    )
}

/// Area, ward and person filters: any case, id or name, or an unambiguous prefix of either.
enum Filters {
    static func area(_ query: String?, _ directory: Directory) throws -> String? {
        guard let query else { return nil }
        return try resolve(query, "area", directory.areas.map { ($0.id, $0.name) })
    }

    static func ward(_ query: String?, _ directory: Directory) throws -> String? {
        guard let query else { return nil }
        return try resolve(query, "ward", directory.areas.flatMap(\.wards).map { ($0.id, $0.name) })
    }

    static func person(_ query: String?, _ directory: Directory) throws -> String? {
        guard let query else { return nil }
        // Councillors are listed as "Cllr Name": let "Name" match them too, and a surname alone ("Lanternby").
        let candidates = directory.people.flatMap { p in
            let name = p.name.hasPrefix("Cllr ") ? String(p.name.dropFirst(5)) : p.name
            let surname = name.split(separator: " ").last.map(String.init)
            return [(p.id, p.name), (p.id, name)] + (surname.map { $0 == name ? [] : [(p.id, $0)] } ?? [])
        }
        // A surname two people share names neither: say who it could be.
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        let sharing = directory.people.filter {
            $0.name.split(separator: " ").last.map { $0.lowercased() == q } == true
        }
        if sharing.count > 1,
            !directory.people.contains(where: { $0.id.lowercased() == q || $0.name.lowercased() == q })
        {
            throw ValidationError(
                TerminalText.sanitized(
                    NameMatch.Failure.ambiguous(query: query, kind: "person", candidates: sharing.map(\.name)).message))
        }
        return try resolve(query, "person", candidates)
    }

    static func resolve(_ query: String, _ kind: String, _ candidates: [(String, String)]) throws -> String {
        do {
            return try NameMatch.resolve(query, kind: kind, among: candidates.map { (id: $0.0, name: $0.1) })
        } catch {
            throw ValidationError(TerminalText.sanitized(error.message))
        }
    }
}

/// The meeting filters several commands take: area, ward and a date range.
struct MeetingFilter: ParsableArguments {
    @Option(help: "Only this area (name or id, any case, a prefix is enough).") var area: String?
    @Option(help: "Only meetings covering this ward.") var ward: String?
    @Option(help: ArgumentHelp("Only meetings on or after this day.", valueName: "yyyy-mm-dd")) var from: CalendarDate?
    @Option(help: ArgumentHelp("Only meetings on or before this day.", valueName: "yyyy-mm-dd")) var to: CalendarDate?

    /// The data's meetings that pass every filter given; an unknown or ambiguous name is a usage error.
    func select(_ data: DataSet) throws -> [Meeting] {
        let areaID = try Filters.area(area, data.directory)
        let wardID = try Filters.ward(ward, data.directory)
        return data.meetings.filter { m in
            let day = LondonTime.date(m.start)
            return (areaID == nil || m.area == areaID) && (wardID == nil || m.wards.contains(wardID!))
                && (from == nil || day >= from!) && (to == nil || day <= to!)
        }
    }

    /// The area named, for titles.
    func areaName(_ data: DataSet) throws -> String? {
        try Filters.area(area, data.directory).map { data.directory.area($0)?.name ?? $0 }
    }
}

struct ListMeetings: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meetings", abstract: "List meetings in date order.")

    @OptionGroup var options: DataOptions
    @OptionGroup var filter: MeetingFilter
    @Option(help: "Only this status: \(MeetingStatus.allRawValues.joined(separator: ", ")).") var status: MeetingStatus?
    @Option(help: "Only this kind: \(MeetingKind.allRawValues.joined(separator: ", ")).") var kind: MeetingKind?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(indexed: true, viewing: true)
        Output.reportUnfinished(store)
        let meetings = try filter.select(data).filter { m in
            (status == nil || m.status == status) && (kind == nil || m.kind == kind)
        }
        let clashes = data.clashWarnings(now: now)
        let flags = Dictionary(
            meetings.map { m in
                (m.id, Warnings.warnings(for: m, directory: data.directory, now: now) + (clashes[m.id] ?? []))
            }, uniquingKeysWith: { a, _ in a })
        if json {
            let items: [OrderedJSON] = meetings.map { m in
                .object([
                    ("id", .string(m.id)), ("title", .string(m.title)), ("kind", .string(m.kind.rawValue)),
                    ("area", .string(m.area)), ("wards", .array(m.wards.map { .string($0) })),
                    ("start", .string(LondonTime.iso(m.start))), ("end", .string(LondonTime.iso(m.end))),
                    ("venue", .string(m.venue.name)), ("status", .string(m.status.rawValue)),
                    ("agendaItems", .int(m.agenda.count)), ("actions", .int(m.actions.count)),
                    ("warnings", .array((flags[m.id] ?? []).map { .string($0.message) })),
                ])
            }
            FileHandle.standardOutput.write(Data(JSONWriter.write(.array(items))))
        } else {
            var table = TextTable(headers: ["DATE", "TIME", "AREA", "KIND", "STATUS", "VENUE", "FLAGS", "ID"])
            for m in meetings {
                let local = LondonTime.local(m.start)
                let day = "\(LondonTime.weekday(local.date)) \(local.date)"
                let areaName = data.directory.area(m.area)?.name ?? m.area
                let count = flags[m.id]?.count ?? 0
                table.add([
                    day, LondonTime.hhmm(m.start), areaName, m.kind.label, m.status.rawValue, m.venue.name,
                    count == 0 ? "" : "\(count) warning\(count == 1 ? "" : "s")", m.id,
                ])
            }
            Output.line(table.render())
            Output.line("\(meetings.count) meeting\(meetings.count == 1 ? "" : "s")")
            ClashListing.show(meetings.compactMap { m in clashes[m.id].map { (m, $0) } })
        }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }
}

struct ListActions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "List actions across meetings.")

    @OptionGroup var options: DataOptions
    @Option(help: "Only actions raised in this area.") var area: String?
    @Option(help: "Only actions owned by this person (name or id; a prefix is enough).") var owner: String?
    @Option(help: "Only this status: \(ActionStatus.allRawValues.joined(separator: ", ")).") var status: ActionStatus?
    @Flag(help: "Only actions past their due date and not done or dropped.") var overdue = false
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let now = try options.currentTime()
        let today = LondonTime.date(now)
        let (store, data) = try options.load(indexed: true, viewing: true)
        Output.reportUnfinished(store)
        let areaID = try Filters.area(area, data.directory)
        let ownerID = try Filters.person(owner, data.directory)
        let actions = ActionRules.allActions(in: data.meetings).filter { raised in
            (areaID == nil || raised.meeting.area == areaID) && (ownerID == nil || raised.action.owner == ownerID)
                && (status == nil || raised.action.status == status)
                && (!overdue || ActionRules.isOverdue(raised.action, today: today))
        }
        if json {
            let items: [OrderedJSON] = actions.map { raised in
                let a = raised.action
                return .object([
                    ("id", .string(a.id)), ("meeting", .string(raised.meeting.id)),
                    ("area", .string(raised.meeting.area)),
                    ("description", .string(a.description)), ("owner", a.owner.map { .string($0) } ?? .null),
                    ("ownerName", a.owner.map { .string(data.directory.displayName(ofPerson: $0)) } ?? .null),
                    ("organisation", a.organisation.map { .string($0) } ?? .null),
                    ("due", a.due.map { .string($0.description) } ?? .null), ("status", .string(a.status.rawValue)),
                    ("overdue", .bool(ActionRules.isOverdue(a, today: today))),
                ])
            }
            FileHandle.standardOutput.write(Data(JSONWriter.write(.array(items))))
        } else {
            var table = TextTable(headers: ["ID", "DUE", "STATUS", "OWNER", "AREA", "DESCRIPTION"])
            for raised in actions {
                let a = raised.action
                let due = a.due.map { $0.description + (ActionRules.isOverdue(a, today: today) ? " !" : "") } ?? ""
                table.add([
                    a.id, due, a.status.label, data.directory.ownerName(person: a.owner, organisation: a.organisation),
                    data.directory.area(raised.meeting.area)?.name ?? raised.meeting.area, a.description,
                ])
            }
            Output.line(table.render())
            let overdueCount = actions.filter { ActionRules.isOverdue($0.action, today: today) }.count
            Output.line("\(actions.count) action\(actions.count == 1 ? "" : "s"), \(overdueCount) overdue (marked !)")
        }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }
}

struct ListTopics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List partners' topic requests with their roll-out across the areas.")

    @OptionGroup var options: DataOptions
    @Option(help: "Only requests that want this area (name or id, any case, a prefix is enough).") var area: String?
    @Option(help: "Only this status: \(TopicStatus.allRawValues.joined(separator: ", ")).") var status: TopicStatus?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(indexed: true, viewing: true)
        Output.reportUnfinished(store)
        let areaID = try Filters.area(area, data.directory)
        let slots = TopicRules.slots(in: data.meetings)
        let rows = data.topics.map { topic in
            (
                topic, TopicRules.status(topic, slots: slots[topic.id] ?? [], directory: data.directory, now: now),
                data.directory.areas.map { TopicRules.cell(topic, area: $0.id, slots: slots[topic.id] ?? [], now: now) }
            )
        }.filter { topic, current, _ in
            (areaID == nil || topic.wants(area: areaID!)) && (status == nil || current == status)
        }
        if json {
            let items: [OrderedJSON] = rows.map { topic, current, cells in
                .object([
                    ("id", .string(topic.id)), ("title", .string(topic.title)),
                    ("organisation", topic.organisation.map { .string($0) } ?? .null),
                    ("engagementLevel", topic.engagementLevel.map { .string($0.rawValue) } ?? .null),
                    ("minutes", .int(topic.minutes)),
                    ("notBefore", topic.notBefore.map { .string($0.description) } ?? .null),
                    ("notAfter", topic.notAfter.map { .string($0.description) } ?? .null),
                    ("status", .string(current.rawValue)), ("reason", topic.reason.map { .string($0) } ?? .null),
                    (
                        "areas",
                        .object(
                            zip(data.directory.areas, cells).compactMap { area, cell in
                                cell == .notWanted ? nil : (area.id, Self.json(cell))
                            })
                    ),
                ])
            }
            FileHandle.standardOutput.write(Data(JSONWriter.write(.array(items))))
        } else {
            let short = AreaInput.abbreviations(data.directory.areas)
            var table = TextTable(
                headers: ["ID", "STATUS", "WINDOW", "MINS"] + data.directory.areas.map { short[$0.id] ?? $0.id } + [
                    "TITLE"
                ])
            for (topic, current, cells) in rows {
                let window = "\(topic.notBefore?.description ?? "…")..\(topic.notAfter?.description ?? "…")"
                table.add(
                    [topic.id, current.rawValue, window, String(topic.minutes)] + cells.map(Self.text) + [topic.title])
            }
            Output.line(table.render())
            Output.line(
                "\(rows.count) topic request\(rows.count == 1 ? "" : "s"). Areas: "
                    + data.directory.areas.map { "\(short[$0.id] ?? $0.id) \($0.name)" }.joined(separator: ", ")
                    + ". Cells: done (presented), a date (scheduled), todo, MISSED, - (not wanted), x (withdrawn or declined)."
            )
        }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }

    static func text(_ cell: TopicCell) -> String {
        switch cell {
        case .notWanted: "-"
        case .toSchedule: "todo"
        case .scheduled(_, let start): String(LondonTime.date(start).description.dropFirst(5))
        case .presented: "done"
        case .missed: "MISSED"
        case .closed: "x"
        }
    }

    static func json(_ cell: TopicCell) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = [("state", .string(cell.key))]
        switch cell {
        case .scheduled(let id, let start), .presented(let id, let start):
            fields += [("meeting", .string(id)), ("start", .string(LondonTime.iso(start)))]
        default: break
        }
        return .object(fields)
    }
}
