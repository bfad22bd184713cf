import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Forms for the directory (councillors, contacts, organisations, wards, coverage rules) and for a meeting's
/// invited partners.
extension FormScreen {
    /// A lowercase id from a name: "Sandy Town Council" → "sandy-town-council", unique among `taken`.
    static func slug(_ name: String, prefix: String = "", taken: Set<String>) -> String {
        Identifier.slug(name, prefix: prefix) { taken.contains($0) }
    }

    static func yesNo(_ value: Bool) -> [Picker.Item] {
        [Picker.Item(id: "no", label: "No"), Picker.Item(id: "yes", label: "Yes")]
    }

    static func person(_ p: Person?, kind: PersonKind, _ c: Context) -> FormScreen {
        var fields: [Form.Field] = [.text("name", "Name", p?.name ?? (kind == .councillor ? "Cllr " : ""))]
        if kind == .councillor {
            fields.append(.text("wards", "Wards", p.map { $0.wards.map(c.wardName).joined(separator: ", ") } ?? ""))
        } else {
            fields.append(.text("title", "Role", p?.title ?? ""))
            fields.append(
                .choice("organisation", "Organisation", organisationItems(c), selected: p?.organisation ?? ""))
        }
        fields += [
            .text("email", "E-mail", p?.email ?? ""), .text("phone", "Phone", p?.phone ?? ""),
            .choice(
                "preferred", "Prefers", [Picker.Item(id: "", label: "(not said)")] + enumItems(ContactMethod.self),
                selected: p?.preferredContact?.rawValue ?? ""),
            .text("postal", "Postal address", PostalAddress.oneLine(p?.postalAddress ?? [])),
        ]
        let what = kind == .councillor ? "councillor" : "contact"
        var screen = FormScreen(
            form: Form(title: p.map { "Edit \($0.name)" } ?? "New \(what)", fields: fields),
            purpose: .person(id: p?.id, kind: kind))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func organisation(_ o: Organisation?, _ c: Context) -> FormScreen {
        let fields: [Form.Field] = [
            .text("name", "Name", o?.name ?? ""),
            .choice(
                "sector", "Sector", enumItems(Sector.self),
                selected: o?.sector.rawValue ?? Sector.voluntaryAndCommunity.rawValue),
            .choice(
                "frontline", "Frontline directorate", yesNo(false), selected: (o?.frontline ?? false) ? "yes" : "no"),
            .text("areas", "Serves areas", o.map { $0.areas.map(c.areaName).joined(separator: ", ") } ?? ""),
            .text("email", "E-mail", o?.email ?? ""),
            .text("phone", "Phone", o?.phone ?? ""),
        ]
        var screen = FormScreen(
            form: Form(title: o.map { "Edit \($0.name)" } ?? "New organisation", fields: fields),
            purpose: .organisation(id: o?.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func ward(in area: Area, existing: Ward? = nil, _ c: Context) -> FormScreen {
        var screen = FormScreen(
            form: Form(
                title: existing.map { "Rename \($0.name)" } ?? "New ward in \(area.name)",
                fields: [.text("name", "Ward", existing?.name ?? "")]),
            purpose: .ward(areaID: area.id, wardID: existing?.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func coverageRule(for area: Area, existing index: Int? = nil, _ c: Context) -> FormScreen {
        let rule = index.map { c.directory.coverageRules[$0] }
        let fields: [Form.Field] = [
            .choice(
                "area", "Area", [Picker.Item(id: "", label: "Every area")] + areaItems(c),
                selected: rule.map { $0.area ?? "" } ?? area.id),
            .choice(
                "kind", "Meetings", [Picker.Item(id: "", label: "Every kind")] + enumItems(MeetingKind.self),
                selected: rule.map { $0.kind?.rawValue ?? "" } ?? MeetingKind.letsTalkTogether.rawValue),
            .text(
                "required", "Required roles",
                rule.map { $0.required.map(\.rawValue).joined(separator: ", ") } ?? "police, frontline-directorate"),
        ]
        var screen = FormScreen(
            form: Form(title: rule == nil ? "New coverage rule" : "Coverage rule", fields: fields),
            purpose: .coverageRule(index: index))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func invitation(_ m: Meeting, _ c: Context) -> FormScreen {
        let fields: [Form.Field] = [
            .choice("organisation", "Organisation", Array(organisationItems(c).dropFirst())),
            .choice(
                "person", "Contact",
                peopleItems(c).filter { $0.id.isEmpty || c.directory.person($0.id)?.kind == .contact }),
            .choice("reply", "Reply", enumItems(Reply.self), selected: Reply.noReply.rawValue),
        ]
        var screen = FormScreen(
            form: Form(title: "Invite a partner to \(m.title)", fields: fields), purpose: .invitation(meetingID: m.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    // MARK: validation

    static func checkContactDetails(_ form: inout Form) {
        let email = form.text("email")
        if !email.isEmpty, let problem = EmailAddress.problem(email) {
            form.note("email", problem, error: true)
        }
        let phone = form.text("phone")
        if !phone.isEmpty,
            phone.contains(where: { !($0.isNumber || $0 == " " || $0 == "+" || $0 == "(" || $0 == ")" || $0 == "-") })
        {
            form.note("phone", "digits, spaces and + only", error: true)
        }
    }

    static func validatePerson(_ form: inout Form, _ id: String?, _ kind: PersonKind, _ c: Context) -> Edit? {
        let name = form.text("name")
        if name.isEmpty || name == "Cllr" { form.note("name", "a name is needed", error: true) }
        var wards: [String] = []
        if kind == .councillor {
            let allWards = c.directory.areas.flatMap(\.wards)
            var unknown: [String] = []
            for typed in form.text("wards").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !typed.isEmpty {
                if let ward = allWards.first(where: {
                    $0.name.lowercased() == typed.lowercased() || $0.id == typed.lowercased()
                }) {
                    wards.append(ward.id)
                } else {
                    unknown.append(typed)
                }
            }
            if !unknown.isEmpty {
                form.note("wards", "no such ward: \(unknown.joined(separator: ", "))", error: true)
            } else if wards.isEmpty {
                form.note("wards", "a councillor represents at least one ward", error: true)
            } else {
                form.note(
                    "wards",
                    wards.map { "\(c.wardName($0)) (\(c.directory.ward($0)?.area.name ?? ""))" }.joined(separator: ", ")
                )
            }
        }
        checkContactDetails(&form)
        let postal = checkPostalAddress(&form)
        guard !form.hasErrors else { return nil }
        var directory = c.directory
        let taken = Set(directory.people.map(\.id))
        var person =
            id.flatMap { c.directory.person($0) }
            ?? Person(
                id: slug(
                    name.hasPrefix("Cllr ") ? String(name.dropFirst(5)) : name,
                    prefix: kind == .councillor ? "cllr-" : "", taken: taken),
                name: name, kind: kind)
        person.name = name
        if kind == .councillor {
            person.wards = wards
        } else {
            person.title = optional(form.text("title"))
            person.organisation = optional(form.value("organisation"))
        }
        person.email = optional(form.text("email"))
        person.phone = optional(form.text("phone"))
        person.preferredContact = ContactMethod(rawValue: form.value("preferred"))
        person.postalAddress = postal
        if let index = directory.people.firstIndex(where: { $0.id == person.id }) {
            directory.people[index] = person
        } else {
            directory.people.append(person)
        }
        return .saveDirectory(directory, label: id == nil ? "\(kind.label) \(name) added" : name)
    }

    /// The postal address field's lines, separated by commas as typed ("10 Cambridge Road, Sandy, SG19 1ZA"),
    /// with a note: the lines it makes, the problem, or that a letter needs one.
    static func checkPostalAddress(_ form: inout Form) -> [String] {
        let postal = PostalAddress.lines(from: form.text("postal"))
        if let problem = PostalAddress.problem(postal) {
            form.note("postal", problem, error: true)
        } else if !postal.isEmpty, let problem = LetterWindow.problem([form.text("name")] + postal) {
            // A warning, not a refusal: the entry is still worth saving, and a shorter wording can follow.
            form.note("postal", "⚠ no letter can be made: \(problem)")
        } else if !postal.isEmpty {
            form.note("postal", "\(postal.count) line(s) on the envelope: " + postal.joined(separator: " / "))
        } else if form.value("preferred") == ContactMethod.letter.rawValue {
            form.note("postal", "prefers a letter: `forumdesk letters` needs an address (lines separated by commas)")
        } else {
            form.note("postal", nil)
        }
        return postal
    }

    static func validateOrganisation(_ form: inout Form, _ id: String?, _ c: Context) -> Edit? {
        let name = form.text("name")
        if name.isEmpty { form.note("name", "a name is needed", error: true) }
        let sector = Sector(rawValue: form.value("sector")) ?? .other
        let frontline = form.value("frontline") == "yes"
        if frontline, sector != .councilDirectorate {
            form.note("frontline", "only a council directorate is frontline", error: true)
        }
        var areas: [String] = []
        var unknown: [String] = []
        for typed in form.text("areas").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !typed.isEmpty {
            if let area = c.directory.areas.first(where: {
                $0.name.lowercased().hasPrefix(typed.lowercased()) || $0.id == typed.lowercased()
            }) {
                areas.append(area.id)
            } else {
                unknown.append(typed)
            }
        }
        if !unknown.isEmpty {
            form.note("areas", "no such area: \(unknown.joined(separator: ", "))", error: true)
        } else {
            form.note("areas", areas.isEmpty ? "all areas" : areas.map(c.areaName).joined(separator: ", "))
        }
        checkContactDetails(&form)
        guard !form.hasErrors else { return nil }
        var directory = c.directory
        var org =
            id.flatMap { c.directory.organisation($0) }
            ?? Organisation(id: slug(name, taken: Set(directory.organisations.map(\.id))), name: name, sector: sector)
        org.name = name
        org.sector = sector
        org.frontline = frontline
        org.areas = areas
        org.email = optional(form.text("email"))
        org.phone = optional(form.text("phone"))
        if let index = directory.organisations.firstIndex(where: { $0.id == org.id }) {
            directory.organisations[index] = org
        } else {
            directory.organisations.append(org)
        }
        return .saveDirectory(directory, label: id == nil ? "organisation \(name) added" : name)
    }

    static func validateWard(_ form: inout Form, _ areaID: String, _ wardID: String?, _ c: Context) -> Edit? {
        let name = form.text("name")
        if name.isEmpty { form.note("name", "a name is needed", error: true) }
        // A renamed ward keeps its id: meetings and councillors refer to it.
        let id = wardID ?? slug(name, taken: Set(c.directory.areas.flatMap(\.wards).map(\.id)))
        if !name.isEmpty { form.note("name", "id \(id)" + (wardID == nil ? "" : " (kept)")) }
        var directory = c.directory
        guard !form.hasErrors, let index = directory.areas.firstIndex(where: { $0.id == areaID }) else { return nil }
        if let wardID, let w = directory.areas[index].wards.firstIndex(where: { $0.id == wardID }) {
            directory.areas[index].wards[w].name = name
            return .saveDirectory(directory, label: "ward renamed \(name)")
        }
        directory.areas[index].wards.append(Ward(id: id, name: name))
        return .saveDirectory(directory, label: "ward \(name) added")
    }

    static func validateCoverageRule(_ form: inout Form, _ index: Int?, _ c: Context) -> Edit? {
        var roles: [PartnerRole] = []
        var unknown: [String] = []
        for typed in form.text("required").split(separator: ",").map({
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }) where !typed.isEmpty {
            if let role = PartnerRole.allCases.first(where: {
                $0.rawValue == typed || $0.label.lowercased() == typed || $0.rawValue.hasPrefix(typed)
            }) {
                roles.append(role)
            } else {
                unknown.append(typed)
            }
        }
        if !unknown.isEmpty {
            form.note(
                "required",
                "unknown: \(unknown.joined(separator: ", ")); roles are \(PartnerRole.allRawValues.joined(separator: ", "))",
                error: true)
        } else if roles.isEmpty {
            form.note("required", "name at least one role", error: true)
        } else {
            form.note("required", roles.map(\.label).joined(separator: ", "))
        }
        guard !form.hasErrors else { return nil }
        var directory = c.directory
        let rule = CoverageRule(
            area: optional(form.value("area")), kind: MeetingKind(rawValue: form.value("kind")), required: roles)
        if let index, directory.coverageRules.indices.contains(index) {
            directory.coverageRules[index].area = rule.area
            directory.coverageRules[index].kind = rule.kind
            directory.coverageRules[index].required = rule.required
            return .saveDirectory(directory, label: "coverage rule changed")
        }
        directory.coverageRules.append(rule)
        return .saveDirectory(directory, label: "coverage rule added")
    }

    static func validateInvitation(_ form: inout Form, _ m: Meeting, _ c: Context) -> Edit? {
        let gaps = CoverageRules.gaps(for: m, in: c.directory)
        let orgID = form.value("organisation")
        if let org = c.directory.organisation(orgID) {
            let fills = gaps.filter(org.fills).map(\.label)
            form.note(
                "organisation",
                fills.isEmpty
                    ? (gaps.isEmpty
                        ? "every required role is invited"
                        : "still missing: " + gaps.map(\.label).joined(separator: ", "))
                    : "fills: " + fills.joined(separator: ", "))
        } else {
            form.note(
                "organisation",
                gaps.isEmpty ? "choose a partner" : "still missing: " + gaps.map(\.label).joined(separator: ", "),
                error: !orgID.isEmpty)
            return nil
        }
        let personID = optional(form.value("person"))
        if let personID, let person = c.directory.person(personID), person.organisation != orgID {
            form.note("person", "\(person.name) works for \(c.organisationName(person.organisation))", error: true)
        }
        guard !form.hasErrors else { return nil }
        var updated = m
        // Not sent yet: `at` is stamped when a notice goes to the contact (n, or `notify --partners`).
        updated.invitations.append(
            Invitation(
                organisation: orgID, person: personID, at: nil,
                reply: Reply(rawValue: form.value("reply")) ?? .noReply))
        return .saveMeeting(updated, label: "\(c.organisationName(orgID)) invited")
    }
}
