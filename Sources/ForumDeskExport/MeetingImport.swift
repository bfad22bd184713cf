import Foundation
import ForumDeskCore

/// Meetings from a spreadsheet (or from `export csv meetings`): the core of each meeting, without agendas or
/// attendance. All or nothing; a meeting already present (same id, or same area and start) is skipped.
public enum MeetingImport {
    public struct Report: Sendable {
        public var meetings: [Meeting]
        public var skipped: [String]
        public var problems: [String]
    }

    public static func run(rows: [(line: Int, fields: [String])], directory: Directory, existing: [Meeting], today: CalendarDate) -> Report {
        var report = Report(meetings: [], skipped: [], problems: [])
        guard let header = rows.first else {
            report.problems.append("1: the file is empty")
            return report
        }
        var index: [String: Int] = [:]
        let fields = ["id", "start", "end", "kind", "meetingTitle", "area", "wards", "venue", "address", "accessibility", "status", "chair",
                      "residents"]
        for (i, name) in header.fields.map(CSV.normalised).enumerated() {
            for field in fields where index[field] == nil && (DirectoryImport.columns[field] ?? []).contains(name) { index[field] = i }
        }
        for needed in ["start", "area", "venue"] where index[needed] == nil {
            report.problems.append("\(header.line): no \(needed) column (found: \(header.fields.joined(separator: ", ")))")
        }
        guard report.problems.isEmpty else { return report }
        var taken = Set(existing.map(\.id))
        for row in rows.dropFirst() {
            func value(_ field: String) -> String {
                guard let i = index[field], i < row.fields.count else { return "" }
                return row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let line = row.line
            if row.fields.count != header.fields.count {
                report.problems.append("\(line): \(row.fields.count) fields, but the header has \(header.fields.count)")
                continue
            }
            // The id names the meeting's file: it goes through the one validating constructor, before anything is written.
            if !value("id").isEmpty {
                do {
                    _ = try MeetingID(validating: value("id"))
                } catch {
                    report.problems.append("\(line): id \(IdentifierRule.shown(value("id"))) is \(error.description)")
                    continue
                }
            }
            if !value("chair").isEmpty, PersonID(value("chair")) == nil {
                report.problems.append("\(line): chair \(IdentifierRule.shown(value("chair"))) is not a person id from the directory")
                continue
            }
            guard let area = directory.areas.first(where: { $0.id == value("area").lowercased() || $0.name.lowercased() == value("area").lowercased() }) else {
                report.problems.append("\(line): unknown area “\(value("area"))”")
                continue
            }
            let start: Date
            if let exact = LondonTime.parse(value("start")) {
                start = exact
            } else {
                do {
                    start = try DateInput.parse(value("start"), today: today).instant()
                } catch {
                    report.problems.append("\(line): start: \(error.message)")
                    continue
                }
            }
            var end = start.addingTimeInterval(7200)
            if !value("end").isEmpty {
                if let exact = LondonTime.parse(value("end")) {
                    end = exact
                } else if let time = DateInput.parseTime(value("end").lowercased().replacingOccurrences(of: " ", with: "")) {
                    end = LondonTime.instant(date: LondonTime.date(start), hour: time.hour, minute: time.minute)
                } else {
                    report.problems.append("\(line): end “\(value("end"))” is not a time or a date")
                    continue
                }
            }
            guard end > start else { report.problems.append("\(line): the meeting ends before it starts"); continue }
            var wards: [String] = []
            var unknownWard: String?
            for typed in value("wards").split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !typed.isEmpty {
                if let w = area.wards.first(where: { $0.id == typed.lowercased() || $0.name.lowercased() == typed.lowercased() }) { wards.append(w.id) } else { unknownWard = typed }
            }
            if let unknownWard { report.problems.append("\(line): “\(unknownWard)” is not a ward of \(area.name)"); continue }
            if wards.isEmpty { wards = area.wards.map(\.id) }
            let kindText = value("kind").lowercased()
            let kind = MeetingKind(rawValue: kindText) ?? MeetingKind.allCases.first { $0.label.lowercased() == kindText }
                ?? (kindText.contains("forum") ? .wardForum : kindText.contains("committee") ? .areaCommittee : .letsTalkTogether)
            let statusText = value("status").lowercased()
            guard let status = statusText.isEmpty ? .planned : MeetingStatus(rawValue: statusText) else {
                report.problems.append("\(line): status “\(statusText)” is not one of \(MeetingStatus.allRawValues.joined(separator: ", "))")
                continue
            }
            let venue = value("venue")
            guard !venue.isEmpty else { report.problems.append("\(line): no venue"); continue }
            var residents: Int?
            if !value("residents").isEmpty {
                guard let n = Int(value("residents")), Limits.headCount.contains(n) else {
                    report.problems.append("\(line): residents “\(value("residents"))” is not a number from "
                                           + "\(Limits.headCount.lowerBound) to \(Limits.headCount.upperBound)")
                    continue
                }
                residents = n
            }
            if existing.contains(where: { $0.id == value("id") || ($0.area == area.id && $0.start == start) })
                || report.meetings.contains(where: { $0.area == area.id && $0.start == start }) {
                report.skipped.append("\(value("id").isEmpty ? "\(area.name) \(LondonTime.display(start))" : value("id")) (already present)")
                continue
            }
            let id = value("id").isEmpty ? Identifier.meetingID(day: LondonTime.date(start), area: area.id, kind: kind) { taken.contains($0) }
                                         : value("id")
            taken.insert(id)
            let title = value("meetingTitle").isEmpty ? "\(kind.label): \(area.name)" : value("meetingTitle")
            var meeting = Meeting(id: id, kind: kind, title: title, area: area.id, wards: wards, start: start, end: end,
                                  venue: Venue(name: venue, address: value("address").isEmpty ? nil : value("address"),
                                               accessibility: value("accessibility").isEmpty ? nil : value("accessibility")),
                                  status: status, chair: value("chair").isEmpty ? nil : value("chair"))
            meeting.residentsPresent = residents
            report.meetings.append(meeting)
        }
        return report
    }
}
