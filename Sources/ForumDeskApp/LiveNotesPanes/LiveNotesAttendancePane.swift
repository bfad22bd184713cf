import Foundation
import ForumDeskCore
import TerminalUI

/// Who is expected and who came: the wards' councillors, the invited partners' contacts, anyone else recorded.
struct LiveNotesAttendancePane: LiveNotesPane {
    var keys: KeyMap<Command>.Group? {
        .init(
            "Attendance",
            [
                Binding([.char("p")], "Present", .markPresent, hint: "present"),
                Binding(
                    [.char("O")], "Joined online (a hybrid meeting): the minutes count them apart; again to undo",
                    .markOnline),
                Binding([.char("o")], "Apologies (asks the reason)", .markApologies, hint: "apologies"),
                Binding([.char("x")], "Absent", .markAbsent),
                Binding([.char("s")], "Substitute: pick who stands in for the selected person", .markSubstitute),
                Binding(
                    [.char("w")], "Add someone present: name, organisation, role (a walk-in, the note-taker)",
                    .addAttendee),
                Binding([.char("R")], "Role of the selected person: member → observer → support officer", .setRole),
            ])
    }

    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String {
        "Attendance (\(m.attendance.filter { $0.status.isInRoom }.count) in)"
    }

    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int { screen.people(m, c).count }

    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table {
        let rows = screen.people(m, c)
        return Table(
            columns: [
                Column("Name", .min(18)), Column("For", .min(14)), Column("Role", .length(15)),
                Column("Status", .length(10)),
                Column("Note", .min(10)),
            ],
            rows: rows.map { row in
                let a = row.entry.map { m.attendance[$0] }
                let note = a?.substituteFor.map { "for " + c.directory.displayName(ofPerson: $0) } ?? a?.reason ?? ""
                let chair = row.person != nil && row.person == m.chair ? " (chair)" : ""
                let status = a.map { $0.online && $0.status.isInRoom ? "online" : $0.status.label } ?? "–"
                return [row.name, row.detail, (a?.role.label ?? "–") + chair, status, note]
            },
            rowStyles: rows.map { row in
                guard let a = row.entry.map({ m.attendance[$0] }) else { return Theme.muted }
                return a.status.isInRoom ? Theme.good : .plain
            })
    }

    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]? {
        if command == .addAttendee {
            screen.pane = .attendance
            screen.begin(.attendee, "")
            return []
        }
        guard
            [.markPresent, .markAbsent, .markApologies, .markSubstitute, .setRole, .open, .markOnline].contains(command)
        else { return nil }
        let rows = screen.people(m, c)
        let selected = screen.selection.selected
        guard screen.pane == .attendance, rows.indices.contains(selected) else { return [] }
        switch command {
        // Attendance is taken down the list: each mark moves on to the next person.
        case .markPresent, .open:
            defer { screen.nextPerson(count: rows.count) }
            return screen.mark(.present, m, c)
        case .markAbsent:
            defer { screen.nextPerson(count: rows.count) }
            return screen.mark(.absent, m, c)
        case .markApologies:
            let person = rows[selected].person
            // The reason a councillor gave with their calendar reply is offered; the note-taker may change it.
            screen.begin(
                .apologies(person: person, name: rows[selected].name),
                person.flatMap { NotificationRules.apologyReason(ofCouncillor: $0, in: m) } ?? "")
        case .markSubstitute:
            screen.picker = (
                Picker(
                    title: "Who stands in for \(rows[selected].name)?",
                    items: FormScreen.peopleItems(c, area: m.area).filter { !$0.id.isEmpty }),
                .substitute(for: rows[selected].person)
            )
        case .markOnline:
            guard let index = rows[selected].entry, m.attendance[index].status.isInRoom else {
                return [.message(.error("Mark \(rows[selected].name) present first (p), then O for online"))]
            }
            guard m.online != nil || m.attendance[index].online else {
                return [.message(.error("This meeting has no joining link: add one in the meeting form (E) first"))]
            }
            var updated = m
            updated.attendance[index].online.toggle()
            let online = updated.attendance[index].online
            return [
                .edit(
                    .saveMeeting(updated, label: "\(rows[selected].name): \(online ? "joined online" : "in the room")"))
            ]
        case .setRole:
            guard let index = rows[selected].entry else {
                return [.message(.error("Record \(rows[selected].name)'s attendance first (p, o, x)"))]
            }
            var updated = m
            let roles = AttendanceRole.allCases
            let role = roles[(roles.firstIndex(of: m.attendance[index].role)! + 1) % roles.count]
            updated.attendance[index].role = role
            return [.edit(.saveMeeting(updated, label: "\(rows[selected].name): \(role.label)"))]
        default: break
        }
        return []
    }
}

extension LiveNotesScreen {
    /// The attendance cursor on to the next person, staying on the last.
    mutating func nextPerson(count: Int) {
        selections[.attendance, default: SelectionState()].selected = min(
            selection(of: .attendance) + 1, max(0, count - 1))
    }

    func selection(of pane: Pane) -> Int { selections[pane]?.selected ?? 0 }

    struct Person: Sendable {
        var person: String?
        var name: String
        var organisation: String?
        var detail: String
        var entry: Int?
    }

    /// Who is expected: the wards' councillors, the invited partners' contacts, then anyone else recorded.
    func people(_ m: Meeting, _ c: Context) -> [Person] {
        var rows: [Person] = []
        var seen: Set<String> = []
        func entryIndex(_ id: String) -> Int? { m.attendance.lastIndex { $0.person == id } }
        for councillor in c.directory.councillors(ofWards: m.wards) where seen.insert(councillor.id).inserted {
            rows.append(
                Person(
                    person: councillor.id, name: councillor.name, organisation: nil,
                    detail: councillor.wards.filter(m.wards.contains).map(c.wardName).joined(separator: ", "),
                    entry: entryIndex(councillor.id)))
        }
        for invitation in m.invitations {
            guard let id = invitation.person, seen.insert(id).inserted else { continue }
            rows.append(
                Person(
                    person: id, name: c.directory.displayName(ofPerson: id), organisation: invitation.organisation,
                    detail: c.organisationName(invitation.organisation), entry: entryIndex(id)))
        }
        for (i, a) in m.attendance.enumerated() {
            if let id = a.person {
                guard seen.insert(id).inserted else { continue }
                rows.append(
                    Person(
                        person: id, name: c.directory.displayName(ofPerson: id), organisation: a.organisation,
                        detail: c.organisationName(a.organisation ?? c.directory.person(id)?.organisation), entry: i))
            } else if let name = a.name {
                rows.append(
                    Person(
                        person: nil, name: name, organisation: a.organisation,
                        detail: c.organisationName(a.organisation), entry: i))
            }
        }
        return rows
    }

    /// Records the selected person's attendance.
    func mark(_ status: AttendanceStatus, _ m: Meeting, _ c: Context, reason: String? = nil) -> [Effect] {
        let rows = people(m, c)
        guard pane == .attendance, rows.indices.contains(selection.selected) else { return [] }
        return record(status, for: rows[selection.selected], m, c, reason: reason)
    }

    func record(
        _ status: AttendanceStatus, for row: Person, _ m: Meeting, _ c: Context, reason: String? = nil
    ) -> [Effect] {
        [
            .edit(
                .saveMeeting(
                    recording(status, for: row, in: m, c, reason: reason), label: "\(row.name): \(status.label)"))
        ]
    }

    /// The meeting with one person's attendance set (their existing entry updated, or a new one).
    func recording(
        _ status: AttendanceStatus, for row: Person, in m: Meeting, _ c: Context, reason: String? = nil,
        substituteFor: String? = nil
    ) -> Meeting {
        var updated = m
        let index = row.person.flatMap { id in m.attendance.lastIndex { $0.person == id } } ?? row.entry
        let councillor = row.person.flatMap { c.directory.person($0) }?.kind == .councillor
        var a =
            index.map { m.attendance[$0] }
            ?? Attendance(
                person: row.person, name: row.person == nil ? row.name : nil,
                organisation: councillor ? nil : row.organisation,
                role: .member, status: status)
        a.status = status
        a.reason = status == .apologies ? reason : nil
        a.substituteFor = substituteFor
        if let index { updated.attendance[index] = a } else { updated.attendance.append(a) }
        return updated
    }
}
