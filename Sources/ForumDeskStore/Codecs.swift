import Foundation
import ForumDeskCore

/// The file format version this build reads and writes.
public let currentSchema = 1

/// Council-wide settings from `forumdesk.json`.
public struct Settings: Sendable, Equatable {
    public static func == (a: Settings, b: Settings) -> Bool {
        a.council == b.council && a.organiserName == b.organiserName && a.organiserEmail == b.organiserEmail
            && a.equalityCategories.map(\.category) == b.equalityCategories.map(\.category)
            && a.equalityCategories.map(\.groups) == b.equalityCategories.map(\.groups)
            && a.sampleToday == b.sampleToday && a.sendmail == b.sendmail && a.organiserAddress == b.organiserAddress
            && a.reminderIntervalDays == b.reminderIntervalDays && a.planning == b.planning && a.extra == b.extra
    }
    public var council: String
    /// The engagement team's name and address, used as the organiser of calendar invitations.
    public var organiserName: String?
    public var organiserEmail: String?
    /// The team's postal address, printed in the sender block of letters (`forumdesk letters`), one line each:
    /// `["Council Offices", "Market Square", "Shefford", "SG17 5ZZ"]`. Empty: the letters give the e-mail address only.
    public var organiserAddress: [String] = []
    /// Equality-monitoring categories and their groups, in the order the form asks them ("age": ["16-24", …]).
    /// Only counts are ever recorded against them, never names.
    public var equalityCategories: [(category: String, groups: [String])] = []
    /// For a sample data folder: the day its dates were written for. While it is set, ForumDesk runs with that
    /// day as today (the time of day is the real one), so the sample shows a live council whenever it is opened.
    public var sampleToday: CalendarDate?
    /// A mail program named in the shared folder (`"sendmail"`): kept so the file is written back unchanged, but
    /// never run (`MachineSettings` names the program; `MachineSettings.ignoredWarning` says so).
    public var sendmail: [String] = []
    /// Days before `forumdesk remind` chases an owner again about the same action (`"reminderIntervalDays"`, 1–365).
    /// nil: `Settings.defaultReminderIntervalDays`.
    public var reminderIntervalDays: Int?
    /// The council's closed days and pre-election periods (`"closedDays"`, `"preElectionPeriods"`): clash checks
    /// and programmes avoid them (`PlanningCalendar`, read and written in `PlanningCodec.swift`).
    public var planning = PlanningCalendar()
    public var extra: UnknownFields = [:]

    /// A week: an owner chased on Monday is not chased about the same action again before next Monday.
    public static let defaultReminderIntervalDays = 7
    public var reminderInterval: Int { reminderIntervalDays ?? Self.defaultReminderIntervalDays }

    /// The program the sendmail interface has named since 1983, which msmtp-mta, Postfix and Exim all install:
    /// `-t` takes the recipients from the To header, `-oi` keeps a line holding only a dot from ending the message.
    public static let defaultSendmail = ["sendmail", "-t", "-oi"]
    public init(
        council: String, organiserName: String? = nil, organiserEmail: String? = nil, extra: UnknownFields = [:]
    ) {
        self.council = council
        self.organiserName = organiserName
        self.organiserEmail = organiserEmail
        self.extra = extra
    }
}

/// Turns model values into ordered JSON and back. Decoding reports the first bad field with its position.
enum Codec {
    // MARK: schema

    static func checkSchema(_ reader: inout FieldReader) throws(DecodeError) {
        let schema = try reader.int("schema", Limits.schema)
        if schema > currentSchema {
            throw DecodeError(
                position: reader.node.position,
                reason: "written by a newer ForumDesk (schema \(schema)); this version reads schema \(currentSchema)")
        }
    }

    // MARK: settings

    static func settings(_ node: JSONNode) throws(DecodeError) -> Settings {
        var r = try FieldReader(node, what: "the settings file")
        try checkSchema(&r)
        var s = Settings(council: try r.string("council"))
        s.organiserName = try r.optionalString("organiserName")
        s.organiserEmail = try r.optionalString("organiserEmail")
        s.organiserAddress = try r.lines("organiserAddress")
        s.equalityCategories = try r.orderedObject("equalityCategories") { (node, key) throws(DecodeError) in
            guard case .array(let groups) = node.value else {
                throw FieldReader.fail(node, key, "a list of group names")
            }
            var names: [String] = []
            for group in groups {
                guard case .string(let name) = group.value, !name.isEmpty else {
                    throw FieldReader.fail(group, key, "a group name")
                }
                names.append(name)
            }
            return names
        }.map { (category: $0.0, groups: $0.1) }
        if let day = try r.optionalString("sampleToday") {
            guard let parsed = CalendarDate(iso: day) else {
                throw DecodeError(
                    position: r.node.position, reason: "field `sampleToday` must be a day like 2026-11-23")
            }
            s.sampleToday = parsed
        }
        s.sendmail = try r.strings("sendmail")
        s.reminderIntervalDays = try r.optionalInt("reminderIntervalDays", 1...365)
        s.planning = try planning(&r)
        s.extra = r.unknownFields
        return s
    }

    static func encode(_ s: Settings) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("council", s.council)
        w.optional("organiserName", s.organiserName)
        w.optional("organiserEmail", s.organiserEmail)
        if !s.organiserAddress.isEmpty { w.set("organiserAddress", s.organiserAddress) }
        if !s.equalityCategories.isEmpty {
            w.set(
                "equalityCategories",
                .object(s.equalityCategories.map { ($0.category, .array($0.groups.map { .string($0) })) }))
        }
        w.optional("sampleToday", s.sampleToday.map { OrderedJSON.string($0.description) })
        if !s.sendmail.isEmpty { w.set("sendmail", s.sendmail) }
        w.optional("reminderIntervalDays", s.reminderIntervalDays)
        encode(s.planning, into: &w)
        return w.finish(s.extra)
    }

    // MARK: areas.json

    struct AreasFile: Equatable {
        var areas: [Area]
        var coverageRules: [CoverageRule]
        var extra: UnknownFields = [:]
    }

    static func areasFile(_ node: JSONNode) throws(DecodeError) -> AreasFile {
        var r = try FieldReader(node, what: "the areas file")
        try checkSchema(&r)
        let areas = try r.list("areas", area)
        let rules = try r.list("coverageRules", coverageRule)
        return AreasFile(areas: areas, coverageRules: rules, extra: r.unknownFields)
    }

    static func encode(_ f: AreasFile) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("areas", .array(f.areas.map(encode)))
        w.set("coverageRules", .array(f.coverageRules.map(encode)))
        return w.finish(f.extra)
    }

    static func area(_ node: JSONNode) throws(DecodeError) -> Area {
        var r = try FieldReader(node, what: "an area")
        var a = Area(id: try r.string("id"), name: try r.string("name"), wards: try r.list("wards", ward))
        a.extra = r.unknownFields
        return a
    }

    static func encode(_ a: Area) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", a.id)
        w.set("name", a.name)
        w.set("wards", .array(a.wards.map(encode)))
        return w.finish(a.extra)
    }

    static func ward(_ node: JSONNode) throws(DecodeError) -> Ward {
        var r = try FieldReader(node, what: "a ward")
        var ward = Ward(id: try r.string("id"), name: try r.string("name"))
        ward.extra = r.unknownFields
        return ward
    }

    static func encode(_ ward: Ward) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", ward.id)
        w.set("name", ward.name)
        return w.finish(ward.extra)
    }

    static func coverageRule(_ node: JSONNode) throws(DecodeError) -> CoverageRule {
        var r = try FieldReader(node, what: "a coverage rule")
        var rule = CoverageRule(
            area: try r.optionalString("area"), kind: try r.optionalChoice("kind", MeetingKind.self),
            required: try r.choices("required", PartnerRole.self))
        rule.extra = r.unknownFields
        return rule
    }

    static func encode(_ rule: CoverageRule) -> OrderedJSON {
        var w = FieldWriter()
        w.optional("area", rule.area)
        w.optional("kind", rule.kind)
        w.set("required", rule.required)
        return w.finish(rule.extra)
    }

    // MARK: people.json

    struct PeopleFile: Equatable {
        var people: [Person]
        var extra: UnknownFields = [:]
    }

    static func peopleFile(_ node: JSONNode) throws(DecodeError) -> PeopleFile {
        var r = try FieldReader(node, what: "the people file")
        try checkSchema(&r)
        return PeopleFile(people: try r.list("people", person), extra: r.unknownFields)
    }

    static func encode(_ f: PeopleFile) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("people", .array(f.people.map(encode)))
        return w.finish(f.extra)
    }

    static func person(_ node: JSONNode) throws(DecodeError) -> Person {
        var r = try FieldReader(node, what: "a person")
        var p = Person(
            id: try r.id("id", PersonRecord.self), name: try r.string("name"),
            kind: try r.choice("kind", PersonKind.self))
        p.wards = try r.strings("wards")
        p.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        p.title = try r.optionalString("title")
        p.email = try r.optionalString("email")
        p.phone = try r.optionalString("phone")
        p.preferredContact = try r.optionalChoice("preferredContact", ContactMethod.self)
        p.postalAddress = try r.lines("postalAddress")
        p.delegates = try r.strings("delegates")
        p.extra = r.unknownFields
        return p
    }

    static func encode(_ p: Person) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", p.id)
        w.set("name", p.name)
        w.set("kind", p.kind)
        if p.kind == .councillor || !p.wards.isEmpty { w.set("wards", p.wards) }
        w.optional("organisation", p.organisation)
        w.optional("title", p.title)
        w.optional("email", p.email)
        w.optional("phone", p.phone)
        w.optional("preferredContact", p.preferredContact)
        if !p.postalAddress.isEmpty { w.set("postalAddress", p.postalAddress) }
        if !p.delegates.isEmpty { w.set("delegates", p.delegates) }
        return w.finish(p.extra)
    }

    // MARK: organisations.json

    struct OrganisationsFile: Equatable {
        var organisations: [Organisation]
        var extra: UnknownFields = [:]
    }

    static func organisationsFile(_ node: JSONNode) throws(DecodeError) -> OrganisationsFile {
        var r = try FieldReader(node, what: "the organisations file")
        try checkSchema(&r)
        return OrganisationsFile(organisations: try r.list("organisations", organisation), extra: r.unknownFields)
    }

    static func encode(_ f: OrganisationsFile) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("organisations", .array(f.organisations.map(encode)))
        return w.finish(f.extra)
    }

    static func organisation(_ node: JSONNode) throws(DecodeError) -> Organisation {
        var r = try FieldReader(node, what: "an organisation")
        var o = Organisation(
            id: try r.id("id", OrganisationRecord.self), name: try r.string("name"),
            sector: try r.choice("sector", Sector.self))
        o.frontline = try r.bool("frontline", default: false)
        o.areas = try r.strings("areas")
        o.email = try r.optionalString("email")
        o.phone = try r.optionalString("phone")
        o.extra = r.unknownFields
        return o
    }

    static func encode(_ o: Organisation) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", o.id)
        w.set("name", o.name)
        w.set("sector", o.sector)
        if o.frontline { w.set("frontline", true) }
        if !o.areas.isEmpty { w.set("areas", o.areas) }
        w.optional("email", o.email)
        w.optional("phone", o.phone)
        return w.finish(o.extra)
    }
}
