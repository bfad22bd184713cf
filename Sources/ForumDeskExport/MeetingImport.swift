import Foundation
import ForumDeskCore

/// Meetings from a spreadsheet (or from `export csv meetings`): the core of each meeting, without agendas or
/// attendance. Columns are matched by the table in `headerNames`; dates and times follow `DateInput`'s rule,
/// from one column or two; areas, wards and the chair are resolved to directory records by `NameMatch` (an
/// unknown or ambiguous name is a row error listing candidates, never stored as typed). All or nothing; a
/// meeting already present (same id, or same area and start) is skipped. Linear in the rows: every look-up is
/// a hash, and names are resolved once per distinct text.
public enum MeetingImport {
    public enum Field: String, Sendable, CaseIterable {
        case id, date, start, end, kind, title, area, wards, venue, address, accessibility, status, chair, residents
    }

    /// Accepted header names per field, folded by `CSV.normalised` ("Venue / Location" → `venuelocation`,
    /// "Ampthill & Flitwick" style `&` → "and"). Listed in README, "Importing spreadsheets".
    public static let headerNames: [(field: Field, names: [String])] = [
        (.id, ["id", "meetingid", "ref", "reference"]),
        (.date, ["date", "meetingdate", "dateofmeeting", "day", "startdate", "eventdate"]),
        (
            .start,
            [
                "start", "starttime", "time", "from", "starts", "starting", "begins", "datetime", "startdatetime",
                "startdateandtime",
                "when",
            ]
        ),
        (.end, ["end", "endtime", "finish", "finishtime", "finishes", "ends", "until", "to", "enddatetime"]),
        (.kind, ["kind", "type", "typeofmeeting", "meetingtype", "kindofmeeting"]),
        (.title, ["title", "meetingtitle", "meeting", "meetingname", "name"]),
        (.area, ["area", "sntarea", "snt", "neighbourhood", "sntneighbourhood", "areaname"]),
        (.wards, ["wards", "ward"]),
        (.venue, ["venue", "location", "venuelocation", "venuename", "place", "where"]),
        (.address, ["address", "venueaddress"]),
        (.accessibility, ["accessibility", "access", "accessnotes", "accessibilitynotes"]),
        (.status, ["status"]),
        (.chair, ["chair", "chairedby", "chairperson"]),
        (.residents, ["residentspresent", "residents", "attendance", "headcount"]),
    ]

    /// Columns `export csv meetings` writes that ForumDesk works out from the meeting itself.
    static let derivedColumns: Set<String> = ["agendaitems", "actions", "invitations"]

    /// One row understood: the meeting it becomes and what was assumed on the way.
    public struct Row: Sendable {
        public var line: Int
        public var meeting: Meeting
        public var warnings: [String]
    }

    public struct Report: Sendable {
        public var rows: [Row]
        public var skipped: [String]
        /// `ROW: reason` or `ROW: column: reason`; the caller puts the file name in front.
        public var problems: [String]
        public var ignored: [CSVColumns<Field>.Ignored]
        public var meetings: [Meeting] { rows.map(\.meeting) }
    }

    public static func run(
        rows: [(line: Int, fields: [String])], directory: Directory, existing: [MeetingKey], today: CalendarDate,
        progress: (Int) -> Void = { _ in }
    ) -> Report {
        var report = Report(rows: [], skipped: [], problems: [], ignored: [])
        guard let header = rows.first else {
            report.problems.append("1: the file is empty")
            return report
        }
        let columns = CSVColumns(header: header.fields, table: headerNames, record: "meeting", derived: derivedColumns)
        report.ignored = columns.ignored
        if !columns.has(.date) && !columns.has(.start) {
            report.problems.append("\(header.line): no date column (found: \(header.fields.joined(separator: ", ")))")
        }
        for needed in [Field.area, .venue] where !columns.has(needed) {
            report.problems.append(
                "\(header.line): no \(needed.rawValue) column (found: \(header.fields.joined(separator: ", ")))")
        }
        guard report.problems.isEmpty else { return report }
        var resolver = Resolver(directory: directory)
        let memo = DateMemo()
        var taken = Set(existing.map(\.id))
        var present = Dictionary(
            existing.map { (Slot(area: $0.area, start: $0.start), $0.id) }, uniquingKeysWith: { a, _ in a })
        // Where a meeting of this sheet came from: a later row naming the same id or slot is a repeat within the sheet.
        var rowOfID: [String: Int] = [:], rowOfSlot: [Slot: Int] = [:]
        for (n, row) in rows.dropFirst().enumerated() {
            if n % 10_000 == 0 { progress(n) }
            let line = row.line
            if row.fields.count != header.fields.count {
                report.problems.append("\(line): \(row.fields.count) fields, but the header has \(header.fields.count)")
                continue
            }
            var problems: [String] = []
            var warnings: [String] = []
            func value(_ field: Field) -> String { columns.value(field, in: row.fields) }
            // The id names the meeting's file: it goes through the one validating constructor, before anything is written.
            if !value(.id).isEmpty {
                do {
                    _ = try MeetingID(validating: value(.id))
                } catch {
                    report.problems.append("\(line): id \(IdentifierRule.shown(value(.id))) is \(error.description)")
                    continue
                }
            }
            func fail(_ field: Field, _ reason: String) {
                problems.append("\(line): \(column(field, columns)): \(reason)")
            }

            let area = resolver.area(value(.area))
            if case .failure(let f) = area { fail(.area, f.message) }
            let times = times(value, columns, today: today, memo: memo)
            switch times {
            case .failure(let f): fail(f.field, f.message)
            case .success(let t): warnings += t.warnings.map { "\(column($0.field, columns)): \($0.text)" }
            }
            var wards: [String] = []
            if case .success(let areaID) = area, let a = directory.area(areaID) {
                let typed = value(.wards)
                if typed.isEmpty {
                    wards = a.wards.map(\.id)
                    if columns.has(.wards) {
                        warnings.append("\(columns.name(.wards)): none given, so all \(wards.count) wards of \(a.name)")
                    }
                } else {
                    switch resolver.wards(typed, of: a) {
                    case .success(let ids): wards = ids
                    case .failure(let f): fail(.wards, f.message)
                    }
                }
            }
            let kind: MeetingKind
            if value(.kind).isEmpty {
                kind = .letsTalkTogether
                if columns.has(.kind) { warnings.append("\(columns.name(.kind)): none given, so \(kind.label)") }
            } else {
                do throws(NameMatch.Failure) {
                    kind = MeetingKind(rawValue: try resolver.kind(value(.kind)).get()) ?? .letsTalkTogether
                } catch {
                    kind = .letsTalkTogether
                    fail(.kind, error.message)
                }
            }
            var status = MeetingStatus.planned
            if !value(.status).isEmpty {
                do throws(NameMatch.Failure) {
                    status = MeetingStatus(rawValue: try resolver.status(value(.status)).get()) ?? .planned
                } catch {
                    fail(.status, error.message)
                }
            }
            // A meeting still to happen dated in the past is most often a date read the other way round.
            if case .success(let t) = times, status == .planned || status == .confirmed,
                LondonTime.date(t.start) < today
            {
                let day = LondonTime.date(t.start)
                warnings.append(
                    "\(column(.date, columns)): \(LondonTime.weekday(day)) \(day.day) \(LondonTime.monthAbbreviation(day.month)) "
                        + "\(day.year) is in the past, for a meeting to be \(status.rawValue); numeric dates are read day first "
                        + "(\(Digits.pad(day.day, 2))/\(Digits.pad(day.month, 2))/\(day.year) is \(day.day) "
                        + "\(LondonTime.monthAbbreviation(day.month)))")
            }
            let venue = value(.venue)
            if venue.isEmpty { fail(.venue, "no venue") }
            var chair: String?
            if !value(.chair).isEmpty {
                switch resolver.person(value(.chair)) {
                case .success(let id): chair = id
                case .failure(let f): fail(.chair, f.message)
                }
            }
            var residents: Int?
            if !value(.residents).isEmpty {
                if let n = Int(value(.residents)), Limits.headCount.contains(n) {
                    residents = n
                } else {
                    fail(
                        .residents,
                        "“\(value(.residents))” is not a number from \(Limits.headCount.lowerBound) to \(Limits.headCount.upperBound)"
                    )
                }
            }
            guard problems.isEmpty, case .success(let areaID) = area, case .success(let t) = times,
                let a = directory.area(areaID)
            else {
                report.problems += problems
                continue
            }
            let slot = Slot(area: areaID, start: t.start)
            let named = value(.id).isEmpty ? "\(a.name) \(LondonTime.display(t.start))" : value(.id)
            if let earlier = rowOfID[value(.id)] ?? rowOfSlot[slot] {
                report.skipped.append(
                    "row \(line): \(named) (the same \(rowOfID[value(.id)] != nil ? "id" : "area and start") as row \(earlier) of this sheet)"
                )
                continue
            }
            if taken.contains(value(.id)) {
                report.skipped.append("row \(line): \(named) (already present)")
                continue
            }
            if let other = present[slot] {
                report.skipped.append(
                    "row \(line): \(named) (already present: \(other) is in the same area at the same time)")
                continue
            }
            let id =
                value(.id).isEmpty
                ? Identifier.meetingID(day: LondonTime.date(t.start), area: areaID, kind: kind) { taken.contains($0) }
                : value(.id)
            taken.insert(id)
            present[slot] = id
            rowOfSlot[slot] = line
            if !value(.id).isEmpty { rowOfID[id] = line }
            let title = value(.title).isEmpty ? "\(kind.label): \(a.name)" : value(.title)
            var meeting = Meeting(
                id: id, kind: kind, title: title, area: areaID, wards: wards, start: t.start, end: t.end,
                venue: Venue(
                    name: venue, address: value(.address).isEmpty ? nil : value(.address),
                    accessibility: value(.accessibility).isEmpty ? nil : value(.accessibility)),
                status: status, chair: chair)
            meeting.residentsPresent = residents
            report.rows.append(Row(line: line, meeting: meeting, warnings: warnings))
        }
        progress(rows.count - 1)
        return report
    }

    /// The header of the column a message is about; a start or end with no column of its own came from the date.
    static func column(_ field: Field, _ columns: CSVColumns<Field>) -> String {
        if columns.has(field) { return columns.name(field) }
        return columns.name(columns.has(.date) ? .date : .start)
    }

    struct Slot: Hashable {
        var area: String
        var start: Date
    }

    struct FieldFailure: Error {
        var field: Field
        var message: String
    }

    struct Times {
        var start: Date
        var end: Date
        var warnings: [(field: Field, text: String)]
    }

    /// Start and end from a date column and a start-time column, or one column holding both; the end from a
    /// time on the same day or a full date and time. An exported ISO time with its offset is exact.
    static func times(
        _ value: (Field) -> String, _ columns: CSVColumns<Field>, today: CalendarDate, memo: DateMemo
    ) -> Result<Times, FieldFailure> {
        var warnings: [(field: Field, text: String)] = []
        let dateText = value(.date), startText = value(.start)
        let start: Date
        do throws(FieldFailure) {
            if let exact = exactInstant(startText), dateText.isEmpty {
                start = exact
            } else if !dateText.isEmpty {
                let day = try understood(dateText, .date, today: today, memo: memo)
                var time = day.time, zone = day.zone
                if !startText.isEmpty {
                    if let t = memo.timeOfDay(startText) {
                        if let time, time != t.time {
                            throw FieldFailure(
                                field: .start,
                                message:
                                    "\(t.time.description) differs from the time in \(columns.name(.date)) (\(time.description))"
                            )
                        }
                        (time, zone) = (t.time, t.zone ?? zone)
                    } else {
                        let both = try understood(startText, .start, today: today, memo: memo)
                        guard both.day == day.day else {
                            throw FieldFailure(
                                field: .start,
                                message:
                                    "\(both.description) is not on the day in \(columns.name(.date)) (\(day.description))"
                            )
                        }
                        (time, zone) = (both.time ?? time, both.zone ?? zone)
                    }
                }
                if time == nil { warnings.append((columns.has(.start) ? .start : .date, "no start time, so 19:00")) }
                start = try instant(DateInput.Understood(day: day.day, time: time, zone: zone), .start)
            } else if !startText.isEmpty {
                let both = try understood(startText, .start, today: today, memo: memo)
                if both.time == nil { warnings.append((.start, "no start time, so 19:00")) }
                start = try instant(both, .start)
            } else {
                throw FieldFailure(field: columns.has(.date) ? .date : .start, message: "no date")
            }
        } catch {
            return .failure(error)
        }
        let endText = value(.end)
        var end = start.addingTimeInterval(7200)
        if endText.isEmpty {
            warnings.append((columns.has(.end) ? .end : .start, "no end, so two hours: \(LondonTime.hhmm(end))"))
        } else if let exact = exactInstant(endText) {
            end = exact
        } else if let t = memo.timeOfDay(endText) {
            do {
                end = try DateInput.instant(LondonTime.date(start), t.time, zone: t.zone)
            } catch {
                return .failure(FieldFailure(field: .end, message: error.message))
            }
        } else {
            do throws(FieldFailure) {
                let u = try understood(endText, .end, today: LondonTime.date(start), memo: memo)
                guard u.time != nil else { throw FieldFailure(field: .end, message: "“\(endText)” has no time") }
                end = try instant(u, .end)
            } catch {
                return .failure(error)
            }
        }
        guard end > start else {
            return .failure(
                FieldFailure(
                    field: columns.has(.end) ? .end : .start,
                    message: "ends (\(LondonTime.display(end))) before it starts (\(LondonTime.display(start)))"))
        }
        return .success(Times(start: start, end: end, warnings: warnings))
    }

    /// `2026-12-03T19:00:00+00:00` or `…Z`: an instant with its offset, as ForumDesk exports it. Without an
    /// offset a time goes through `DateInput`, which refuses times the clocks skip or repeat.
    static func exactInstant(_ text: String) -> Date? {
        let b = text.utf8
        guard b.count > 19, let last = b.last else { return nil }
        let hasOffset =
            last == UInt8(ascii: "Z") || b.dropFirst(19).contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        return hasOffset ? LondonTime.parse(text) : nil
    }

    static func understood(
        _ text: String, _ field: Field, today: CalendarDate, memo: DateMemo
    ) throws(FieldFailure) -> DateInput.Understood {
        do {
            return try memo.parse(text, today: today)
        } catch {
            throw FieldFailure(field: field, message: error.message)
        }
    }

    /// Dates and times as read, each distinct text parsed once: a sheet repeats its dates and times on many rows.
    final class DateMemo {
        private struct Key: Hashable {
            var text: String
            var today: CalendarDate
        }
        private var parsed: [Key: Result<DateInput.Understood, DateInput.Failure>] = [:]
        private var timesOfDay: [String: (time: DateInput.Time, zone: DateInput.Zone?)?] = [:]

        /// `DateInput.parse`.
        func parse(_ text: String, today: CalendarDate) throws(DateInput.Failure) -> DateInput.Understood {
            let key = Key(text: text, today: today)
            if let known = parsed[key] { return try known.get() }
            let result = Result { () throws(DateInput.Failure) in try DateInput.parse(text, today: today) }
            parsed[key] = result
            return try result.get()
        }

        /// `DateInput.parseTimeOfDay`, nil when the text is not a time of day alone.
        func timeOfDay(_ text: String) -> (time: DateInput.Time, zone: DateInput.Zone?)? {
            if let known = timesOfDay[text] { return known }
            let result = try? DateInput.parseTimeOfDay(text)
            timesOfDay[text] = .some(result)
            return result
        }
    }

    static func instant(_ u: DateInput.Understood, _ field: Field) throws(FieldFailure) -> Date {
        do {
            return try u.instant()
        } catch {
            throw FieldFailure(field: field, message: error.message)
        }
    }
}

/// Names resolved to directory records, each distinct text once (a sheet repeats the same few areas and chairs).
struct Resolver {
    let directory: Directory
    let areas: NameMatch.Index
    let people: NameMatch.Index
    let kinds: NameMatch.Index
    let statuses: NameMatch.Index
    var caches: [Int: [String: Result<String, NameMatch.Failure>]] = [:]
    var wardCache: [String: Result<[String], NameMatch.Failure>] = [:]
    var wardIndexes: [String: NameMatch.Index] = [:]

    init(directory: Directory) {
        self.directory = directory
        areas = NameMatch.Index(kind: "area", candidates: directory.areas.map { (id: $0.id, name: $0.name) })
        people = NameMatch.Index(kind: "person", candidates: directory.people.map { (id: $0.id, name: $0.name) })
        kinds = NameMatch.Index(
            kind: "type of meeting",
            candidates: MeetingKind.allCases.flatMap { k in
                [(id: k.rawValue, name: k.label), (id: k.rawValue, name: k.idSuffix)]
                    + (k == .letsTalkTogether ? [(id: k.rawValue, name: "LTT")] : [])
            })
        statuses = NameMatch.Index(
            kind: "status", candidates: MeetingStatus.allCases.map { (id: $0.rawValue, name: $0.label) })
    }

    mutating func area(_ text: String) -> Result<String, NameMatch.Failure> { cached(0, text, areas) }
    mutating func person(_ text: String) -> Result<String, NameMatch.Failure> { cached(1, text, people) }
    mutating func kind(_ text: String) -> Result<String, NameMatch.Failure> { cached(2, text, kinds) }
    mutating func status(_ text: String) -> Result<String, NameMatch.Failure> { cached(3, text, statuses) }

    mutating func cached(_ cache: Int, _ text: String, _ index: NameMatch.Index) -> Result<String, NameMatch.Failure> {
        if let known = caches[cache]?[text] { return known }
        let result = Result { () throws(NameMatch.Failure) in try index.resolve(text) }
        caches[cache, default: [:]][text] = result
        return result
    }

    /// Wards separated by `;` (as exported) or by commas; a ward whose name has a comma ("Westoning, Flitton
    /// and Greenfield") is tried whole first.
    mutating func wards(_ text: String, of area: Area) -> Result<[String], NameMatch.Failure> {
        let key = area.id + "\u{0}" + text
        if let known = wardCache[key] { return known }
        let index =
            wardIndexes[area.id]
            ?? NameMatch.Index(kind: "ward of \(area.name)", candidates: area.wards.map { (id: $0.id, name: $0.name) })
        wardIndexes[area.id] = index
        let result = Result { () throws(NameMatch.Failure) -> [String] in try index.resolveList(text) }
        wardCache[key] = result
        return result
    }
}
