import Foundation

/// Taking a person or an organisation out of the directory without leaving a reference dangling: what still
/// needs them (meetings to come, open topics, open actions) refuses it and says where; an organisation's
/// history follows it into the organisation that took over its work (merge).
public enum DirectoryRemoval {
    /// A meeting still to come: not held, not cancelled, and not yet over.
    public static func isToCome(_ m: Meeting, now: Date) -> Bool {
        m.status != .held && m.status != .cancelled && m.end > now
    }

    /// Where a person is still needed: each record of a meeting to come that names them, and each topic request
    /// still wanted (requested or scheduled) that they are the contact of. One line each: `<id>: <kind> <record>`.
    public static func personNeeded(
        _ person: Person, meetings: [Meeting], topics: [TopicRequest], directory: Directory, now: Date
    ) -> [String] {
        let who = PersonalData.Identity(person)
        var out: [String] = []
        for m in meetings where isToCome(m, now: now) {
            for f in PersonalData.findings(who, in: m, directory: directory) {
                out.append("\(m.id): \(f.kind.rawValue) (\(f.text))")
            }
        }
        for t in topics where t.contact == person.id && (t.status == .requested || t.status == .scheduled) {
            out.append("topic \(t.id): contact (\(t.status.rawValue))")
        }
        return out
    }

    /// The fields of a meeting that name organisation `id`, as JSON paths.
    public static func references(toOrganisation id: String, in m: Meeting) -> [FieldPath] {
        var out: [FieldPath] = []
        for (i, item) in m.agenda.enumerated() where item.organisation == id {
            out.append([.key("agenda"), .index(i), .key("organisation")])
        }
        for (i, inv) in m.invitations.enumerated() where inv.organisation == id {
            out.append([.key("invitations"), .index(i), .key("organisation")])
        }
        for (i, line) in m.attendance.enumerated() where line.organisation == id {
            out.append([.key("attendance"), .index(i), .key("organisation")])
        }
        for (i, a) in m.actions.enumerated() where a.organisation == id {
            out.append([.key("actions"), .index(i), .key("organisation")])
        }
        return out
    }

    /// Where organisation `id` is referred to: meetings (those to come marked), people, topics, the consultations it
    /// leads and the venues booked through it. Empty: it can go.
    public static func organisationNeeded(
        _ id: String, meetings: [Meeting], topics: [TopicRequest], directory: Directory, now: Date,
        consultations: [Consultation] = [], venues: [VenueRecord] = []
    ) -> [String] {
        var out: [String] = []
        for m in meetings {
            let refs = references(toOrganisation: id, in: m)
            guard !refs.isEmpty else { continue }
            let fields = Set(refs.compactMap { $0.first.map(\.description) }).sorted().joined(separator: ", ")
            out.append("\(m.id): \(fields)\(isToCome(m, now: now) ? " (a meeting to come)" : "")")
        }
        for p in directory.people where p.organisation == id { out.append("directory: \(p.id) works for it") }
        for t in topics where t.organisation == id { out.append("topic \(t.id): requested by it") }
        for c in consultations where c.organisation == id { out.append("consultation \(c.id): led by it") }
        for v in venues where v.bookedThrough == id { out.append("venue \(v.id): booked through it") }
        return out
    }

    /// Why `from` cannot be merged into `into`, or nil: both must exist and fill the same coverage roles, so
    /// that every meeting's coverage (and the annual report's counts) stays as it was.
    public static func mergeProblem(_ from: String, into: String, directory: Directory) -> String? {
        guard let a = directory.organisation(from) else { return "no organisation `\(from)`" }
        guard let b = directory.organisation(into) else { return "no organisation `\(into)`" }
        if from == into { return "an organisation cannot be merged into itself" }
        if a.roles != b.roles {
            return
                "\(a.name) (\(a.sector.rawValue)) and \(b.name) (\(b.sector.rawValue)) fill different partner roles: "
                + "merging would change which roles past meetings covered"
        }
        return nil
    }

    /// The meeting with every reference to `from` now to `into`. An invitation to `from` where `into` is already
    /// invited is folded into that one (its contact kept when the other has none).
    public static func merge(_ from: String, into: String, in meeting: Meeting) -> Meeting {
        var m = meeting
        for i in m.agenda.indices where m.agenda[i].organisation == from { m.agenda[i].organisation = into }
        for i in m.attendance.indices where m.attendance[i].organisation == from { m.attendance[i].organisation = into }
        for i in m.actions.indices where m.actions[i].organisation == from { m.actions[i].organisation = into }
        var invitations: [Invitation] = []
        for var inv in m.invitations {
            if inv.organisation == from { inv.organisation = into }
            if inv.organisation == into, let k = invitations.firstIndex(where: { $0.organisation == into }) {
                if invitations[k].person == nil { invitations[k].person = inv.person }
                if inv.person != nil, invitations[k].person != inv.person { invitations.append(inv) }
                continue
            }
            invitations.append(inv)
        }
        m.invitations = invitations
        return m
    }

    public static func merge(_ from: String, into: String, in topic: TopicRequest) -> TopicRequest {
        var t = topic
        if t.organisation == from { t.organisation = into }
        return t
    }

    /// The directory with `from`'s people working for `into`, `into` serving the areas of both, and `from` gone.
    public static func merge(_ from: String, into: String, in directory: Directory) -> Directory {
        var d = directory
        for i in d.people.indices where d.people[i].organisation == from { d.people[i].organisation = into }
        if let a = d.organisation(from), let k = d.organisations.firstIndex(where: { $0.id == into }) {
            let b = d.organisations[k]
            // Empty means every area.
            d.organisations[k].areas =
                a.areas.isEmpty || b.areas.isEmpty ? [] : b.areas + a.areas.filter { !b.areas.contains($0) }
        }
        d.organisations.removeAll { $0.id == from }
        return d
    }
}
