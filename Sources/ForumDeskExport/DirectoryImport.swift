import Foundation
import ForumDeskCore

/// Reads the people and organisations spreadsheets an officer already has into the directory.
/// All or nothing: any problem row and nothing changes. A record already present (same e-mail, or same
/// name and organisation) is skipped, never duplicated.
public enum DirectoryImport {
    public enum Kind: String, Sendable, CaseIterable { case people, organisations }

    public struct Report: Sendable {
        public var directory: Directory
        public var added: [String]
        public var skipped: [String]
        /// `ROW: reason`; the caller puts the file name in front.
        public var problems: [String]
    }

    /// Column names people use, by field (compared after `CSV.normalised`).
    static let columns: [String: [String]] = [
        "name": ["name", "fullname", "contactname", "person", "councillor", "organisation", "organization", "organisationname"],
        "email": ["email", "emailaddress", "mail", "e"],
        "phone": ["phone", "telephone", "tel", "phonenumber", "mobile", "telephonenumber"],
        "organisation": ["organisation", "organization", "org", "company", "employer", "body"],
        "title": ["title", "role", "jobtitle", "position"],
        "wards": ["ward", "wards"],
        "preferred": ["preferredcontact", "prefers", "contactmethod", "preferredcontactmethod"],
        "sector": ["sector", "type", "category"],
        "areas": ["areas", "area", "serves"],
        "frontline": ["frontline"],
        "id": ["id", "meetingid"],
        "start": ["start", "date", "datetime", "starts", "when"],
        "end": ["end", "ends", "finish", "endtime"],
        "kind": ["kind", "meetingtype", "typeofmeeting", "type"],
        "meetingTitle": ["title", "meeting", "meetingtitle"],
        "area": ["area", "sntarea"],
        "venue": ["venue", "location", "place"],
        "address": ["address", "venueaddress"],
        "accessibility": ["accessibility", "access"],
        "status": ["status"],
        "chair": ["chair"],
        "residents": ["residentspresent", "residents", "attendance", "headcount"],
    ]

    static func sector(_ text: String) -> Sector? {
        let t = text.lowercased()
        if let exact = Sector(rawValue: t) { return exact }
        let words: [(String, Sector)] = [("police", .police), ("fire", .fireAndRescue), ("nhs", .health), ("health", .health),
                                         ("school", .education), ("college", .education), ("education", .education),
                                         ("business", .business), ("chamber", .business), ("town", .townOrParishCouncil),
                                         ("parish", .townOrParishCouncil), ("voluntary", .voluntaryAndCommunity),
                                         ("charity", .voluntaryAndCommunity), ("community", .voluntaryAndCommunity),
                                         ("council", .councilDirectorate), ("directorate", .councilDirectorate)]
        return words.first { t.contains($0.0) }?.1
    }

    public static func run(_ kind: Kind, rows: [(line: Int, fields: [String])], into directory: Directory) -> Report {
        var report = Report(directory: directory, added: [], skipped: [], problems: [])
        guard let header = rows.first else {
            report.problems.append("1: the file is empty")
            return report
        }
        // Map each field to the first column whose name matches; for people, "organisation" is not the name.
        var index: [String: Int] = [:]
        for (i, name) in header.fields.map(CSV.normalised).enumerated() {
            for (field, names) in columns where index[field] == nil && names.contains(name) {
                if kind == .people, field == "name", ["organisation", "organization", "organisationname"].contains(name) { continue }
                if kind == .organisations, ["organisation", "title"].contains(field) { continue }
                index[field] = i
            }
        }
        guard index["name"] != nil else {
            report.problems.append("\(header.line): no name column (found: \(header.fields.joined(separator: ", ")))")
            return report
        }
        for row in rows.dropFirst() {
            func value(_ field: String) -> String {
                guard let i = index[field], i < row.fields.count else { return "" }
                return row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if row.fields.count != header.fields.count {
                report.problems.append("\(row.line): \(row.fields.count) fields, but the header has \(header.fields.count)")
                continue
            }
            let name = value("name")
            guard !name.isEmpty else { report.problems.append("\(row.line): no name"); continue }
            let email = value("email")
            if !email.isEmpty, let problem = EmailAddress.problem(email) {
                report.problems.append("\(row.line): \(problem)")
                continue
            }
            switch kind {
            case .people: importPerson(row.line, name: name, email: email, value, &report)
            case .organisations: importOrganisation(row.line, name: name, email: email, value, &report)
            }
        }
        return report
    }

    static func importPerson(_ line: Int, name: String, email: String, _ value: (String) -> String, _ report: inout Report) {
        let d = report.directory
        var organisation: String?
        let orgText = value("organisation")
        if !orgText.isEmpty {
            guard let org = d.organisations.first(where: { $0.id == orgText.lowercased() || $0.name.lowercased() == orgText.lowercased() }) else {
                report.problems.append("\(line): unknown organisation “\(orgText)” (import organisations first, or add it in the Directory)")
                return
            }
            organisation = org.id
        }
        var wards: [String] = []
        for typed in value("wards").split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !typed.isEmpty {
            guard let ward = d.areas.flatMap(\.wards).first(where: { $0.id == typed.lowercased() || $0.name.lowercased() == typed.lowercased() }) else {
                report.problems.append("\(line): unknown ward “\(typed)”")
                return
            }
            wards.append(ward.id)
        }
        let preferredText = value("preferred").lowercased()
        let preferred: ContactMethod? = preferredText.isEmpty ? nil : ContactMethod.allCases.first { preferredText.hasPrefix($0.rawValue) || (preferredText == "e-mail" && $0 == .email) }
        if !preferredText.isEmpty, preferred == nil {
            report.problems.append("\(line): preferred contact must be email, letter or phone, not “\(preferredText)”")
            return
        }
        let duplicate = d.people.first { p in
            (!email.isEmpty && p.email?.lowercased() == email.lowercased()) || (p.name.lowercased() == name.lowercased() && p.organisation == organisation)
        }
        if let duplicate {
            report.skipped.append("\(name) (already present as \(duplicate.id))")
            return
        }
        let kind: PersonKind = wards.isEmpty ? .contact : .councillor
        let plainName = name.hasPrefix("Cllr ") ? String(name.dropFirst(5)) : name
        let id = Identifier.slug(plainName, prefix: kind == .councillor ? "cllr-" : "", fallback: "person") { d.person($0) != nil }
        report.directory.people.append(Person(id: id, name: name, kind: kind, wards: wards, organisation: organisation,
                                              title: value("title").isEmpty ? nil : value("title"), email: email.isEmpty ? nil : email,
                                              phone: value("phone").isEmpty ? nil : value("phone"), preferredContact: preferred))
        report.added.append("\(name)\(organisation.map { " (\(d.organisation($0)?.name ?? $0))" } ?? "")")
    }

    static func importOrganisation(_ line: Int, name: String, email: String, _ value: (String) -> String, _ report: inout Report) {
        let d = report.directory
        guard let sector = sector(value("sector")) else {
            report.problems.append("\(line): sector “\(value("sector"))” is not one of \(Sector.allRawValues.joined(separator: ", "))")
            return
        }
        var areas: [String] = []
        for typed in value("areas").split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !typed.isEmpty {
            guard let area = d.areas.first(where: { $0.id == typed.lowercased() || $0.name.lowercased().hasPrefix(typed.lowercased()) }) else {
                report.problems.append("\(line): unknown area “\(typed)”")
                return
            }
            areas.append(area.id)
        }
        if let duplicate = d.organisations.first(where: { $0.name.lowercased() == name.lowercased() || (!email.isEmpty && $0.email?.lowercased() == email.lowercased()) }) {
            report.skipped.append("\(name) (already present as \(duplicate.id))")
            return
        }
        let id = Identifier.slug(name, fallback: "organisation") { d.organisation($0) != nil }
        let frontline = ["yes", "y", "true", "1"].contains(value("frontline").lowercased())
        report.directory.organisations.append(Organisation(id: id, name: name, sector: sector, frontline: frontline && sector == .councilDirectorate,
                                                           areas: areas, email: email.isEmpty ? nil : email,
                                                           phone: value("phone").isEmpty ? nil : value("phone")))
        report.added.append(name)
    }
}
