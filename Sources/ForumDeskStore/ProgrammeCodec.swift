import ForumDeskCore

/// `programme.json`: the year's rules per area (`ProgrammeRule`), read by `forumdesk programme`.
public struct ProgrammeFile: Sendable, Equatable {
    public var rules: [ProgrammeRule]
    public var extra: UnknownFields = [:]
    public init(rules: [ProgrammeRule]) { self.rules = rules }
}

extension Codec {
    static func programme(_ node: JSONNode) throws(DecodeError) -> ProgrammeFile {
        var r = try FieldReader(node, what: "the programme file")
        try checkSchema(&r)
        var file = ProgrammeFile(rules: try r.list("rules", programmeRule))
        file.extra = r.unknownFields
        return file
    }

    static func programmeRule(_ node: JSONNode) throws(DecodeError) -> ProgrammeRule {
        var r = try FieldReader(node, what: "a programme rule")
        let area = try r.string("area")
        let kind = try r.choice("kind", default: MeetingKind.letsTalkTogether)
        let wards = try r.strings("wards")
        guard let first = try r.optionalDay("first") else {
            throw DecodeError(
                position: node.position,
                reason:
                    "a programme rule needs `first`: the first meeting's day (or the first month's), like 2027-01-07")
        }
        let everyWeeks = try r.optionalInt("everyWeeks", 1...52)
        let nth = try r.optionalInt("nth", -1...5)
        let everyMonths = try r.optionalInt("everyMonths", 1...12)
        let weekdayName = try r.optionalString("weekday")
        let recurrence: ProgrammeRule.Recurrence
        switch (everyWeeks, nth) {
        case (let weeks?, nil):
            if let weekdayName, Weekday(name: weekdayName) != Weekday(first) {
                throw DecodeError(
                    position: node.position,
                    reason: "`first` (\(first)) is a \(Weekday(first).name), not a \(weekdayName)")
            }
            recurrence = .weekly(every: weeks)
        case (nil, let n?) where n != 0:
            guard let name = weekdayName, let weekday = Weekday(name: name) else {
                throw DecodeError(position: node.position, reason: "`nth` needs `weekday`, a day such as \"tuesday\"")
            }
            recurrence = .monthly(nth: n, weekday: weekday, every: everyMonths ?? 1)
        default:
            throw DecodeError(
                position: node.position,
                reason:
                    "a programme rule needs either `everyWeeks` (1-52) or `nth` (1-5, or -1 for the last) with `weekday`"
            )
        }
        let time = try r.string("time")
        let parts = time.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else {
            throw DecodeError(
                position: node.position, reason: "field `time` must be a time of day like 19:00, not \(time)")
        }
        let length = try r.optionalInt("lengthMinutes", 15...720) ?? 120
        guard let venueNode = r.lookupForExtension("venue") else {
            throw DecodeError(position: node.position, reason: "missing field `venue`")
        }
        var rule = ProgrammeRule(
            area: area, kind: kind, recurrence: recurrence, first: first, hour: hour, minute: minute,
            lengthMinutes: length, venue: try venue(venueNode))
        rule.wards = wards
        rule.whenClosed = try r.choice("whenClosed", default: ProgrammeRule.WhenClosed.skip)
        rule.extra = r.unknownFields
        return rule
    }

    static func encode(_ file: ProgrammeFile) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set(
            "rules",
            .array(
                file.rules.map { rule in
                    var r = FieldWriter()
                    r.set("area", rule.area)
                    r.set("kind", rule.kind.rawValue)
                    if !rule.wards.isEmpty { r.set("wards", rule.wards) }
                    r.set("first", rule.first.description)
                    switch rule.recurrence {
                    case .weekly(let n):
                        r.set("everyWeeks", n)
                        r.set("weekday", Weekday(rule.first).name.lowercased())
                    case .monthly(let nth, let weekday, let every):
                        r.set("nth", nth)
                        r.set("weekday", weekday.name.lowercased())
                        r.set("everyMonths", every)
                    }
                    r.set("time", "\(Digits.pad(rule.hour, 2)):\(Digits.pad(rule.minute, 2))")
                    r.set("lengthMinutes", rule.lengthMinutes)
                    r.set("venue", encode(rule.venue))
                    r.set("whenClosed", rule.whenClosed.rawValue)
                    return r.finish(rule.extra)
                }))
        return w.finish(file.extra)
    }
}

extension DataFolder {
    public var programme: String { path("programme.json") }
}

extension DataStore {
    /// `programme.json`: `.missing` when there is none; a file that cannot be read is a diagnostic with its position.
    public func readProgramme() -> ProgrammeRead {
        switch readJSON(folder.programme) {
        case .missing: return .missing
        case .failed(let diagnostic): return .failed(diagnostic)
        case .parsed(let node, _):
            do throws(DecodeError) {
                return .read(try Codec.programme(node))
            } catch {
                return .failed(Diagnostic(path: folder.programme, position: error.position, message: error.reason))
            }
        }
    }
}

public enum ProgrammeRead: Sendable {
    case missing
    case failed(Diagnostic)
    case read(ProgrammeFile)
}
