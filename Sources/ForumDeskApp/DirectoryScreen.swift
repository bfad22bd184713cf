import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Areas with their wards and coverage rules, councillors, organisations and contacts.
struct DirectoryScreen: MainScreen {
    enum Tab: Int, TabItem {
        case areas, councillors, organisations, contacts
        var title: String { ["Areas", "Councillors", "Organisations", "Contacts"][rawValue] }
    }

    var title: String { "Directory" }
    var tabs = TabBar(Tab.areas)
    var tab: Tab {
        get { tabs.selected }
        set { tabs.selected = newValue }
    }
    var browsers: [Tab: TableBrowser] = [:]
    /// Choosing which ward or rule of the selected area to edit.
    var picker: OpenPicker<Pick>?

    enum Pick: Sendable { case ward(areaID: String), rule(areaID: String) }

    var textKeys: KeyHelp? {
        picker.pickerKeys() ?? ((browsers[tab]?.searching ?? false) ? TableBrowser.searchHelp : nil)
    }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init("Directory", Keys.tabs + [Keys.search, Keys.sortNext, Keys.sortReverse]),
            .init(
                "Edit",
                tab == .areas
                    ? [
                        Binding([.char("w")], "Add a ward to the selected area", .newWard, hint: "ward"),
                        Binding(
                            [.char("r")], "Add a coverage rule (required partner roles)", .newCoverageRule, hint: "rule"
                        ),
                        Binding([.char("W")], "Rename a ward of the selected area", .editWard),
                        Binding([.char("R")], "Change a coverage rule of the selected area", .editCoverageRule),
                    ]
                    : [
                        Binding(
                            [.char("n")], "New \(["", "councillor", "organisation", "contact"][tab.rawValue])", .add,
                            hint: "new"),
                        Binding([.enter, .char("e")], "Edit the selected record", .edit, hint: "edit"),
                        Binding(
                            [.char("D")], "Delete the selected person or organisation (if nothing to come needs it)",
                            .deleteItem),
                    ]),
            Keys.movement,
        ])
    }

    var browser: TableBrowser {
        get { browsers[tab] ?? TableBrowser() }
        set { browsers[tab] = newValue }
    }

    func layout(_ area: Rect) -> (tabs: Rect, status: Rect, table: Rect, detail: Rect) {
        let detailHeight =
            switch tab {
            case .areas: 8;
            case .councillors, .contacts: 5;
            case .organisations: 0
            }
        let parts = Layout.split(area, .vertical, [.length(1), .length(1), .fill, .length(detailHeight)])
        return (
            parts[0].inset(horizontal: 1), parts[1].inset(horizontal: 1), parts[2].inset(horizontal: 1),
            parts[3].inset(horizontal: 1)
        )
    }

    /// Rows of the current tab, each with the text the search looks in.
    func rows(_ c: Context) -> (columns: [Column], rows: [[String]]) {
        let d = c.directory
        switch tab {
        case .areas:
            let rows = d.areas.map { area -> [String] in
                let councillors = d.councillors(ofWards: area.wards.map(\.id)).count
                let ltt = MeetingKind.letsTalkTogether
                let probe = Meeting(
                    id: "", kind: ltt, title: "", area: area.id, wards: [], start: c.now, end: c.now,
                    venue: Venue(name: ""), status: .planned)
                let roles = CoverageRules.requiredRoles(for: probe, in: d).map(\.label).joined(separator: ", ")
                return [area.name, String(area.wards.count), String(councillors), roles]
            }
            return (
                [
                    Column("Area", .min(22)), Column("Wards", .length(5), alignRight: true),
                    Column("Cllrs", .length(5), alignRight: true), Column("Required at Let's Talk Together", .min(20)),
                ], rows
            )
        case .councillors:
            let rows = d.people.filter { $0.kind == .councillor }.map { p -> [String] in
                let area = p.wards.first.flatMap { d.ward($0)?.area.name } ?? ""
                return [
                    p.name, p.wards.map(c.wardName).joined(separator: ", "), area, p.email ?? "", p.phone ?? "",
                    p.preferredContact?.label ?? "",
                ]
            }
            return (
                [
                    Column("Councillor", .min(18)), Column("Ward", .min(14)), Column("Area", .min(14)),
                    Column("E-mail", .min(16)),
                    Column("Phone", .length(13)), Column("Prefers", .length(7)),
                ], rows
            )
        case .organisations:
            let rows = d.organisations.map { o -> [String] in
                let contacts = d.people.filter { $0.organisation == o.id }.count
                let areas = o.areas.isEmpty ? "all areas" : o.areas.map(c.areaName).joined(separator: ", ")
                return [o.name, o.sector.label + (o.frontline ? " (frontline)" : ""), areas, String(contacts)]
            }
            return (
                [
                    Column("Organisation", .min(24)), Column("Sector", .min(16)), Column("Serves", .min(14)),
                    Column("Contacts", .length(8), alignRight: true),
                ], rows
            )
        case .contacts:
            let rows = d.people.filter { $0.kind == .contact }.map { p in
                [p.name, p.title ?? "", c.organisationName(p.organisation), p.email ?? "", p.phone ?? ""]
            }
            return (
                [
                    Column("Name", .min(16)), Column("Role", .min(16)), Column("Organisation", .min(16)),
                    Column("E-mail", .min(14)),
                    Column("Phone", .length(13)),
                ], rows
            )
        }
    }

    /// The rows after search and sort, with their index in the unfiltered list (to find the area for the detail).
    func shown(_ c: Context) -> (columns: [Column], rows: [(index: Int, cells: [String])]) {
        let all = rows(c)
        let matching = all.rows.enumerated().filter { browser.matches($0.element.joined(separator: " ")) }
            .map { (index: $0.offset, cells: $0.element) }
        let keys: [((index: Int, cells: [String])) -> String] = all.columns.indices.map { column in
            { row in
                let cell = row.cells[column]
                return Int(cell).map { String(format: "%08d", $0) } ?? cell.lowercased()
            }
        }
        return (all.columns, browser.sorted(matching, keys: keys))
    }

    func table(_ c: Context) -> Table {
        let s = shown(c)
        return Table(
            columns: s.columns, rows: s.rows.map(\.cells), sort: browser.sort,
            emptyMessage: "Nothing matches the search.")
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .nextTab: tabs.next()
        case .previousTab: tabs.previous()
        case .newWard, .newCoverageRule:
            guard let area = selectedIndex(c).map({ c.directory.areas[$0] }) else { return [] }
            return [.push(command == .newWard ? FormScreen.ward(in: area, c) : FormScreen.coverageRule(for: area, c))]
        case .editWard:
            guard let area = selectedIndex(c).map({ c.directory.areas[$0] }) else { return [] }
            picker = OpenPicker(
                picker: Picker(
                    title: "Ward of \(area.name)", items: area.wards.map { Picker.Item(id: $0.id, label: $0.name) }),
                filter: .ward(areaID: area.id))
        case .editCoverageRule:
            guard let area = selectedIndex(c).map({ c.directory.areas[$0] }) else { return [] }
            let rules = c.directory.coverageRules.enumerated().filter {
                $0.element.area == nil || $0.element.area == area.id
            }
            guard !rules.isEmpty else {
                return [.message(.info("No coverage rule applies to \(area.name): r adds one"))]
            }
            picker = OpenPicker(
                picker: Picker(
                    title: "Coverage rule",
                    items: rules.map { index, rule in
                        Picker.Item(
                            id: String(index),
                            label: "\(rule.kind?.label ?? "Any meeting")\(rule.area == nil ? " (every area)" : "")",
                            detail: rule.required.map(\.label).joined(separator: ", "))
                    }), filter: .rule(areaID: area.id))
        case .add:
            switch tab {
            case .councillors: return [.push(FormScreen.person(nil, kind: .councillor, c))]
            case .contacts: return [.push(FormScreen.person(nil, kind: .contact, c))]
            case .organisations: return [.push(FormScreen.organisation(nil, c))]
            case .areas: return []
            }
        case .edit:
            guard let index = selectedIndex(c) else { return [] }
            switch tab {
            case .councillors:
                return [
                    .push(
                        FormScreen.person(
                            c.directory.people.filter { $0.kind == .councillor }[index], kind: .councillor, c))
                ]
            case .contacts:
                return [
                    .push(
                        FormScreen.person(c.directory.people.filter { $0.kind == .contact }[index], kind: .contact, c))
                ]
            case .organisations: return [.push(FormScreen.organisation(c.directory.organisations[index], c))]
            case .areas: return []
            }
        case .deleteItem:
            guard let index = selectedIndex(c) else { return [] }
            switch tab {
            case .councillors: return Self.delete(c.directory.people.filter { $0.kind == .councillor }[index], c)
            case .contacts: return Self.delete(c.directory.people.filter { $0.kind == .contact }[index], c)
            case .organisations: return Self.delete(c.directory.organisations[index], c)
            case .areas: return []
            }
        default:
            let t = table(c)
            _ = browser.move(
                command, count: t.rowCount, visible: Table.visibleRows(in: layout(c.contentArea).table),
                columns: t.columns.count)
        }
        return []
    }

    /// The selected row's index in the tab's unfiltered list.
    func selectedIndex(_ c: Context) -> Int? {
        let s = shown(c)
        var selection = browser.selection
        selection.clamp(count: s.rows.count, visible: 1_000)
        return s.rows.indices.contains(selection.selected) ? s.rows[selection.selected].index : nil
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        if picker != nil {
            guard let (item, pick) = picker.pick(event) else { return [] }
            switch pick {
            case .ward(let areaID):
                guard let area = c.directory.area(areaID), let ward = area.wards.first(where: { $0.id == item.id })
                else { return [] }
                return [.push(FormScreen.ward(in: area, existing: ward, c))]
            case .rule(let areaID):
                guard let area = c.directory.area(areaID), let index = Int(item.id) else { return [] }
                return [.push(FormScreen.coverageRule(for: area, existing: index, c))]
            }
        }
        let areas = layout(c.contentArea)
        if browser.handleTyping(event, count: table(c).rows.count, visible: Table.visibleRows(in: areas.table)) {
            return []
        }
        switch event {
        case .mouse(let mouse):
            if !tabs.click(mouse, in: areas.tabs) {
                _ = browser.mouse(mouse, table: table(c), in: areas.table)
            }
        default: break
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        // The ward or rule chooser goes over everything, whichever way the drawing below ends.
        defer { picker?.picker.render(in: area, into: &buffer) }
        let areas = layout(area)
        tabs.render(in: areas.tabs, into: &buffer)
        let t = table(c)
        browser.renderStatus(filters: [], count: t.rowCount, total: rows(c).rows.count, in: areas.status, into: &buffer)
        var selection = browser.selection
        selection.clamp(count: t.rowCount, visible: Table.visibleRows(in: areas.table))
        t.render(in: areas.table, into: &buffer, state: selection)
        guard areas.detail.height > 1 else { return }
        let s = shown(c)
        guard s.rows.indices.contains(selection.selected) else { return }
        let index = s.rows[selection.selected].index
        buffer.put(
            String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y, style: Theme.muted)
        let inside = Rect(
            x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width, height: areas.detail.height - 1)
        if tab == .councillors || tab == .contacts {
            let people = c.directory.people.filter { $0.kind == (tab == .councillors ? .councillor : .contact) }
            guard people.indices.contains(index) else { return }
            TextView(lines: Self.personDetail(people[index], c)).render(in: inside, into: &buffer, offset: 0)
            return
        }
        guard tab == .areas else { return }
        let area = c.directory.areas[index]
        var lines = [StyledLine("Wards of \(area.name)", .bold)]
        for ward in area.wards {
            let names = c.directory.councillors(ofWards: [ward.id]).map(\.name).joined(separator: ", ")
            lines.append(
                StyledLine(
                    [Span("  " + DisplayWidth.pad(ward.name, to: 34), .plain), Span(names, Theme.muted)],
                    hangingIndent: 36))
        }
        let rules = c.directory.coverageRules.filter { $0.area == nil || $0.area == area.id }
        lines.append(StyledLine("Coverage rules", .bold))
        for rule in rules {
            lines.append(
                StyledLine(
                    "  \(rule.kind?.label ?? "Any meeting")\(rule.area == nil ? " (every area)" : ""): "
                        + rule.required.map(\.label).joined(separator: ", ")))
        }
        TextView(lines: lines).render(in: inside, into: &buffer, offset: 0)
    }

    /// Under the councillors' or contacts' table: the selected person's contact details and postal address.
    static func personDetail(_ p: Person, _ c: Context) -> [StyledLine] {
        var head = [Span(p.name, .bold)]
        if let title = p.title { head.append(Span(", " + title)) }
        if let org = p.organisation { head.append(Span(", " + c.organisationName(org))) }
        if let method = p.preferredContact { head.append(Span("  prefers \(method.label)", Theme.muted)) }
        let contact = [p.email, p.phone].compactMap { $0 }.joined(separator: " · ")
        let postal =
            p.postalAddress.isEmpty
            ? StyledLine(
                p.preferredContact == .letter
                    ? "No postal address: Enter to add one (letters need it)" : "No postal address",
                p.preferredContact == .letter ? Theme.warning : Theme.muted)
            : StyledLine(
                [Span("Postal address: ", Theme.muted), Span(PostalAddress.oneLine(p.postalAddress))], hangingIndent: 16
            )
        return [
            StyledLine(head, hangingIndent: 2),
            StyledLine(
                contact.isEmpty ? "No e-mail address or phone number" : contact,
                contact.isEmpty ? Theme.muted : .plain), postal,
        ]
    }
}

extension DirectoryScreen {
    /// Each tab has keys of its own.
    static func paletteScreens(_ c: Context) -> [PaletteScreen] { paletteScreens(onEach: \.tab) }
}
