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
        /// `ROW: column: reason`; the caller puts the file name in front.
        public var problems: [String]
        public var ignored: [CSVColumns<Field>.Ignored] = []
    }

    /// One row being read: its values by field, and the header of each field for messages.
    struct Context {
        var line: Int
        var name: String
        var email: String
        var value: (Field) -> String
        var column: (Field) -> String
        var names: Names

        func problem(_ field: Field, _ reason: String) -> String { "\(line): \(column(field)): \(reason)" }
    }

    /// The directory's organisations, wards and areas, folded once for `NameMatch`.
    struct Names {
        let organisations: NameMatch.Index
        let wards: NameMatch.Index
        let areas: NameMatch.Index

        init(_ d: Directory) {
            organisations = NameMatch.Index(
                kind: "organisation", candidates: d.organisations.map { (id: $0.id, name: $0.name) })
            wards = NameMatch.Index(
                kind: "ward", candidates: d.areas.flatMap(\.wards).map { (id: $0.id, name: $0.name) })
            areas = NameMatch.Index(kind: "area", candidates: d.areas.map { (id: $0.id, name: $0.name) })
        }
    }

    public enum Field: String, Sendable, CaseIterable {
        case name, email, phone, organisation, title, wards, preferred, postal, sector, areas, frontline
    }

    /// Accepted header names per field for people (compared after `CSV.normalised`; README, "Importing spreadsheets").
    public static let peopleHeaders: [(field: Field, names: [String])] = [
        (.name, ["name", "fullname", "contactname", "person", "councillor", "councillorname"]),
        (.email, ["email", "emailaddress", "mail", "e"]),
        (
            .phone,
            [
                "phone", "telephone", "tel", "telno", "phonenumber", "phoneno", "mobile", "telephonenumber",
                "telephoneno",
            ]
        ),
        (.organisation, ["organisation", "organization", "org", "company", "employer", "body", "organisationname"]),
        (.title, ["title", "role", "jobtitle", "position"]),
        (.wards, ["ward", "wards"]),
        (.preferred, ["preferredcontact", "prefers", "contactmethod", "preferredcontactmethod"]),
        (.postal, ["postaladdress", "address", "postal", "correspondenceaddress", "homeaddress"]),
    ]

    /// Accepted header names per field for organisations.
    public static let organisationHeaders: [(field: Field, names: [String])] = [
        (.name, ["name", "organisation", "organization", "organisationname", "organizationname"]),
        (.email, ["email", "emailaddress", "mail", "e"]),
        (.phone, ["phone", "telephone", "tel", "telno", "phonenumber", "phoneno", "telephonenumber", "telephoneno"]),
        (.sector, ["sector", "type", "category", "typeoforganisation"]),
        (.areas, ["areas", "area", "serves", "sntarea", "sntareas"]),
        (.frontline, ["frontline"]),
    ]

    static func sector(_ text: String) -> Sector? {
        let t = text.lowercased()
        if let exact = Sector(rawValue: t) { return exact }
        let words: [(String, Sector)] = [
            ("police", .police), ("fire", .fireAndRescue), ("nhs", .health), ("health", .health),
            ("school", .education), ("college", .education), ("education", .education),
            ("business", .business), ("chamber", .business), ("town", .townOrParishCouncil),
            ("parish", .townOrParishCouncil), ("voluntary", .voluntaryAndCommunity),
            ("charity", .voluntaryAndCommunity), ("community", .voluntaryAndCommunity),
            ("council", .councilDirectorate), ("directorate", .councilDirectorate),
        ]
        return words.first { t.contains($0.0) }?.1
    }

    public static func run(_ kind: Kind, rows: [(line: Int, fields: [String])], into directory: Directory) -> Report {
        var report = Report(directory: directory, added: [], skipped: [], problems: [])
        guard let header = rows.first else {
            report.problems.append("1: the file is empty")
            return report
        }
        let columns = CSVColumns(
            header: header.fields, table: kind == .people ? peopleHeaders : organisationHeaders,
            record: kind == .people ? "person" : "organisation")
        report.ignored = columns.ignored
        guard columns.has(.name) else {
            report.problems.append("\(header.line): no name column (found: \(header.fields.joined(separator: ", ")))")
            return report
        }
        let names = Names(report.directory)
        for row in rows.dropFirst() {
            func value(_ field: Field) -> String { columns.value(field, in: row.fields) }
            if row.fields.count != header.fields.count {
                report.problems.append(
                    "\(row.line): \(row.fields.count) fields, but the header has \(header.fields.count)")
                continue
            }
            let name = value(.name)
            guard !name.isEmpty else {
                report.problems.append("\(row.line): \(columns.name(.name)): no name"); continue
            }
            let email = value(.email)
            if !email.isEmpty, let problem = EmailAddress.problem(email) {
                report.problems.append("\(row.line): \(columns.name(.email)): \(problem)")
                continue
            }
            if let problem = SheetText.mangledNumber(value(.phone), isPhone: true) {
                report.problems.append("\(row.line): \(columns.name(.phone)): \(problem)")
                continue
            }
            let context = Context(
                line: row.line, name: name, email: email, value: value, column: columns.name, names: names)
            switch kind {
            case .people: importPerson(context, &report)
            case .organisations: importOrganisation(context, &report)
            }
        }
        return report
    }

    static func importPerson(_ row: Context, _ report: inout Report) {
        let d = report.directory
        let (name, email, value) = (row.name, row.email, row.value)
        var organisation: String?
        let orgText = value(.organisation)
        if !orgText.isEmpty {
            do {
                organisation = try row.names.organisations.resolve(orgText)
            } catch {
                report.problems.append(
                    row.problem(
                        .organisation, error.message + " (import organisations first, or add it in the Directory)"))
                return
            }
        }
        var wards: [String] = []
        do {
            wards = try row.names.wards.resolveList(value(.wards))
        } catch {
            report.problems.append(row.problem(.wards, error.message))
            return
        }
        let preferredText = value(.preferred).lowercased()
        let preferred: ContactMethod? =
            preferredText.isEmpty
            ? nil
            : ContactMethod.allCases.first {
                preferredText.hasPrefix($0.rawValue) || (preferredText == "e-mail" && $0 == .email)
            }
        if !preferredText.isEmpty, preferred == nil {
            report.problems.append(row.problem(.preferred, "must be email, letter or phone, not “\(preferredText)”"))
            return
        }
        // One cell, lines separated by line breaks (a spreadsheet cell's Alt+Enter) or commas.
        let postal = PostalAddress.lines(from: value(.postal))
        if let problem = PostalAddress.problem(postal) {
            report.problems.append(row.problem(.postal, "postal address: \(problem)"))
            return
        }
        // "Cllr Ada Ashgrove" and "Ada Ashgrove" are one person: names are compared folded, title left out.
        let folded = NameMatch.folded(name)
        let duplicate = d.people.first { p in
            (!email.isEmpty && p.email?.lowercased() == email.lowercased())
                || (NameMatch.folded(p.name) == folded && p.organisation == organisation)
        }
        if let duplicate {
            report.skipped.append("\(name) (already present as \(duplicate.id))")
            return
        }
        let kind: PersonKind = wards.isEmpty ? .contact : .councillor
        let plainName = name.hasPrefix("Cllr ") ? String(name.dropFirst(5)) : name
        let id = Identifier.slug(plainName, prefix: kind == .councillor ? "cllr-" : "", fallback: "person") {
            d.person($0) != nil
        }
        report.directory.people.append(
            Person(
                id: id, name: name, kind: kind, wards: wards, organisation: organisation,
                title: value(.title).isEmpty ? nil : value(.title), email: email.isEmpty ? nil : email,
                phone: value(.phone).isEmpty ? nil : value(.phone), preferredContact: preferred,
                postalAddress: postal))
        report.added.append("\(name)\(organisation.map { " (\(d.organisation($0)?.name ?? $0))" } ?? "")")
    }

    static func importOrganisation(_ row: Context, _ report: inout Report) {
        let d = report.directory
        let (name, email, value) = (row.name, row.email, row.value)
        guard let sector = sector(value(.sector)) else {
            report.problems.append(
                row.problem(.sector, "“\(value(.sector))” is not one of \(Sector.allRawValues.joined(separator: ", "))")
            )
            return
        }
        var areas: [String] = []
        do {
            areas = try row.names.areas.resolveList(value(.areas))
        } catch {
            report.problems.append(row.problem(.areas, error.message))
            return
        }
        let folded = NameMatch.folded(name)
        if let duplicate = d.organisations.first(where: {
            NameMatch.folded($0.name) == folded || (!email.isEmpty && $0.email?.lowercased() == email.lowercased())
        }) {
            report.skipped.append("\(name) (already present as \(duplicate.id))")
            return
        }
        let id = Identifier.slug(name, fallback: "organisation") { d.organisation($0) != nil }
        let frontline = ["yes", "y", "true", "1"].contains(value(.frontline).lowercased())
        report.directory.organisations.append(
            Organisation(
                id: id, name: name, sector: sector, frontline: frontline && sector == .councilDirectorate,
                areas: areas, email: email.isEmpty ? nil : email,
                phone: value(.phone).isEmpty ? nil : value(.phone)))
        report.added.append(name)
    }
}
