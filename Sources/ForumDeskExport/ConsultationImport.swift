import Foundation
import ForumDeskCore

/// Reads a consultations spreadsheet (the list a partnership keeps: title, lead, level, where, dates, methods,
/// link, summary, and for closed ones responses, results and what changed) into consultation records. All or
/// nothing: any problem row and nothing is added. A consultation already present (same id from its title, or
/// the same title) is skipped, never duplicated.
public enum ConsultationImport {
    public enum Field: String, Sendable, CaseIterable {
        case title, organisation, level, areas, wards, opens, closes, methods, link, summary, responses, results,
            changes
    }

    /// Accepted header names per field, compared after `CSV.normalised`.
    public static let headers: [(field: Field, names: [String])] = [
        (.title, ["title", "consultation", "consultationtitle", "name", "subject"]),
        (
            .organisation,
            [
                "organisation", "organization", "lead", "leadorganisation", "leadorganization", "leadpartner",
                "partner", "by",
            ]
        ),
        (.level, ["engagementlevel", "level", "engagement"]),
        (.areas, ["areas", "area", "snt", "sntarea", "sntareas"]),
        (.wards, ["wards", "ward"]),
        (.opens, ["opens", "open", "opendate", "openson", "startdate", "start", "from"]),
        (
            .closes,
            ["closes", "close", "closedate", "closeson", "closingdate", "enddate", "end", "deadline", "until", "to"]
        ),
        (.methods, ["methods", "method", "howtotakepart", "channels"]),
        (.link, ["link", "url", "surveylink", "weblink", "survey"]),
        (.summary, ["summary", "publicsummary", "description", "about"]),
        (.responses, ["responses", "responsecount", "numberofresponses", "noofresponses"]),
        (.results, ["results", "findings", "yousaid"]),
        (.changes, ["changes", "whatwedid", "wedid", "whatchanged"]),
    ]

    public struct Report: Sendable {
        public var consultations: [Consultation] = []
        public var skipped: [String] = []
        /// `ROW: column: reason`; the caller puts the file name in front.
        public var problems: [String] = []
        public var ignored: [CSVColumns<Field>.Ignored] = []
    }

    public static func run(
        rows: [(line: Int, fields: [String])], directory: Directory, existing: [Consultation], today: CalendarDate
    ) -> Report {
        var report = Report()
        guard let header = rows.first else {
            report.problems.append("1: the file is empty")
            return report
        }
        let columns = CSVColumns(header: header.fields, table: headers, record: "consultation")
        report.ignored = columns.ignored
        for required in [Field.title, .level, .opens, .closes] where !columns.has(required) {
            report.problems.append("\(header.line): no column for the consultation's \(required.rawValue)")
        }
        guard report.problems.isEmpty else { return report }
        let organisations = NameMatch.Index(
            kind: "organisation", candidates: directory.organisations.map { (id: $0.id, name: $0.name) })
        let wards = NameMatch.Index(
            kind: "ward", candidates: directory.areas.flatMap(\.wards).map { (id: $0.id, name: $0.name) })
        var taken = Set(existing.map(\.id))
        let titles = Set(existing.map { $0.title.lowercased() })
        for row in rows.dropFirst() {
            func value(_ field: Field) -> String { columns.value(field, in: row.fields) }
            func problem(_ field: Field, _ reason: String) {
                report.problems.append("\(row.line): \(columns.name(field)): \(reason)")
            }
            if row.fields.count != header.fields.count {
                report.problems.append(
                    "\(row.line): \(row.fields.count) fields, but the header has \(header.fields.count)")
                continue
            }
            let title = value(.title)
            guard !title.isEmpty else { problem(.title, "no title"); continue }
            if titles.contains(title.lowercased()) {
                report.skipped.append(title)
                continue
            }
            guard let level = EngagementLevel(rawValue: value(.level).lowercased()) else {
                problem(
                    .level, "one of \(EngagementLevel.allRawValues.joined(separator: ", ")), not “\(value(.level))”")
                continue
            }
            let opens: CalendarDate, closes: CalendarDate
            do throws(DateInput.Failure) {
                opens = try DateInput.parseDay(value(.opens), today: today)
            } catch {
                problem(.opens, error.message)
                continue
            }
            do throws(DateInput.Failure) {
                closes = try DateInput.parseDay(value(.closes), today: today)
            } catch {
                problem(.closes, error.message)
                continue
            }
            if closes < opens { problem(.closes, "it closes (\(closes)) before it opens (\(opens))"); continue }
            var c = Consultation(id: "", title: title, engagementLevel: level, opens: opens, closes: closes)
            if !value(.organisation).isEmpty {
                do throws(NameMatch.Failure) { c.organisation = try organisations.resolve(value(.organisation)) } catch
                {
                    problem(.organisation, error.message)
                    continue
                }
            }
            let parsedAreas = AreaInput.parse(value(.areas).isEmpty ? "all" : value(.areas), areas: directory.areas)
            if !parsedAreas.unknown.isEmpty {
                problem(.areas, "no such area: \(parsedAreas.unknown.joined(separator: ", "))"); continue
            }
            c.areas = parsedAreas.areas
            do throws(NameMatch.Failure) { c.wards = try wards.resolveList(value(.wards)) } catch {
                problem(.wards, error.message)
                continue
            }
            var methods: [ConsultationMethod] = []
            var unknown: [String] = []
            for word in value(.methods).split(whereSeparator: { $0 == "," || $0 == ";" }).map({
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            })
            where !word.isEmpty {
                if let m = ConsultationMethod(rawValue: word)
                    ?? ConsultationMethod.allCases.first(where: { $0.label == word })
                {
                    methods.append(m)
                } else {
                    unknown.append(word)
                }
            }
            if !unknown.isEmpty {
                problem(
                    .methods,
                    "not a method: \(unknown.joined(separator: ", ")) (\(ConsultationMethod.allRawValues.joined(separator: ", ")))"
                )
                continue
            }
            c.methods = methods
            if !value(.link).isEmpty {
                if let reason = OnlineJoining.linkProblem(value(.link)) { problem(.link, reason); continue }
                c.link = value(.link)
            }
            if !value(.responses).isEmpty {
                guard let n = Int(value(.responses)), n >= 0 else { problem(.responses, "a count, e.g. 187"); continue }
                c.responses = n
            }
            func optional(_ field: Field) -> String? { value(field).isEmpty ? nil : value(field) }
            c.summary = optional(.summary)
            c.results = optional(.results)
            c.changes = optional(.changes)
            if c.changes != nil, c.results == nil {
                problem(.changes, "\"what we did\" without the results it follows from"); continue
            }
            c.id = Identifier.slug(title) { taken.contains($0) }
            taken.insert(c.id)
            report.consultations.append(c)
        }
        if !report.problems.isEmpty { report.consultations = [] }
        return report
    }
}
