import CSystem
import TerminalUI

/// The state every table screen shares: selection, sort, and the `/` search, with the movement and
/// mouse handling that goes with them.
struct TableBrowser: Sendable, Equatable {
    var selection = SelectionState()
    var sort: SortState
    var query = TextField()
    var searching = false

    init(sortColumn: Int = 0, ascending: Bool = true) { sort = SortState(column: sortColumn, ascending: ascending) }

    var searchText: String { query.text.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Whether a record's text matches every word of the search.
    func matches(_ haystack: String) -> Bool {
        let words = searchText.split(separator: " ")
        guard !words.isEmpty else { return true }
        let text = haystack.lowercased()
        return words.allSatisfy { text.contains($0) }
    }

    /// The same for text already in lower case as UTF-8, with the search's words split once for many records:
    /// a byte search, as Foundation's `contains` costs too much over a long history.
    static func matches(lowercased text: [UInt8], words: [[UInt8]]) -> Bool {
        words.allSatisfy { contains(text, $0) }
    }

    /// The C library's memmem (a two-way search with vector instructions in glibc): the Meetings search
    /// text holds agenda titles, outcomes and issues too, so a byte-at-a-time loop cost ten times more.
    static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        guard text.count >= word.count else { return false }
        return text.withUnsafeBytes { t in
            word.withUnsafeBytes { w in forumdesk_memmem(t.baseAddress, t.count, w.baseAddress, w.count) != nil }
        }
    }

    /// Appends `text` in lower case as UTF-8: byte by byte when it is ASCII (nearly always, and ten times
    /// quicker), else through Unicode's rules, as `searchText` is lowered.
    static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in text.utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        } else {
            bytes.append(contentsOf: text.lowercased().utf8)
        }
    }

    /// The search's words in lower case as UTF-8, for `matches(lowercased:words:)`.
    var searchWords: [[UInt8]] { searchText.split(separator: " ").map { Array($0.utf8) } }

    /// Movement commands; false for commands that are not about moving.
    mutating func move(_ command: Command, count: Int, visible: Int, columns: Int = 1) -> Bool {
        switch command {
        case .up: selection.move(by: -1, count: count, visible: visible)
        case .down: selection.move(by: 1, count: count, visible: visible)
        case .pageUp: selection.move(by: -max(1, visible - 1), count: count, visible: visible)
        case .pageDown: selection.move(by: max(1, visible - 1), count: count, visible: visible)
        case .top: selection.select(0, count: count, visible: visible)
        case .bottom: selection.select(count - 1, count: count, visible: visible)
        case .sortNext: sort.cycle(columns: columns)
        case .sortReverse: sort.ascending.toggle()
        case .search: searching = true
        default: return false
        }
        return true
    }

    enum SearchAction: Sendable, Hashable { case keep, clear, up, down }

    static let searchKeys = KeyMap<SearchAction>([
        .init(
            "Search",
            [
                Binding([.enter], "Keep the search and go back to the list", .keep, hint: "keep"),
                Binding([.escape], "Clear the search", .clear, hint: "clear"),
                Binding([.up], "Keep the search and move up", .up),
                Binding([.down], "Keep the search and move down", .down),
            ])
    ])

    /// The search field's keys, then a text field's.
    static var searchHelp: KeyHelp { searchKeys.keyHelp + TextField.keyHelp }

    /// Keys while the search field is open: Enter keeps the search, Esc clears it.
    mutating func handleSearch(_ key: Key, count: Int, visible: Int) {
        switch Self.searchKeys.command(for: key) {
        case .keep: searching = false
        case .clear:
            searching = false
            query = TextField()
        case .up, .down:
            searching = false
            _ = move(key == .up ? .up : .down, count: count, visible: visible)
        case nil:
            if query.handle(key) { selection = SelectionState() }
        }
    }

    /// While the search field is open, typed and pasted text go to it. Returns whether the event was taken.
    mutating func handleTyping(_ event: Event, count: Int, visible: Int) -> Bool {
        guard searching else { return false }
        switch event {
        case .key(let key): handleSearch(key, count: count, visible: visible)
        case .paste(let text):
            // As typing does: the matches are shown from the first.
            query.paste(text)
            selection = SelectionState()
        default: return false
        }
        return true
    }

    enum MouseOutcome { case none, selected, activated, sorted }

    /// Clicks select (a double click opens), clicks on a title sort, the wheel scrolls.
    mutating func mouse(_ event: MouseEvent, table: Table, in rect: Rect) -> MouseOutcome {
        guard rect.contains(x: event.x, y: event.y) else { return .none }
        let visible = Table.visibleRows(in: rect)
        switch event.kind {
        case .wheelUp: selection.scroll(by: -3, count: table.rowCount, visible: visible)
        case .wheelDown: selection.scroll(by: 3, count: table.rowCount, visible: visible)
        case .press, .doubleClick:
            if event.y == rect.y, let column = table.column(atX: event.x, in: rect) {
                if sort.column == column { sort.ascending.toggle() } else { sort = SortState(column: column) }
                return .sorted
            }
            guard let row = table.row(atY: event.y, in: rect, state: selection) else { return .none }
            let again = row == selection.selected
            selection.select(row, count: table.rowCount, visible: visible)
            return event.kind == .doubleClick || again ? .activated : .selected
        }
        return .none
    }

    /// Sorts records by the current column's key; ties keep their order.
    func sorted<T>(_ records: [T], keys: [(T) -> String]) -> [T] {
        guard !keys.isEmpty else { return records }
        let column = sort.column % keys.count
        let key = keys[column]
        let pairs = records.enumerated().map { ($0.offset, key($0.element), $0.element) }
        return pairs.sorted { a, b in
            if a.1 == b.1 { return a.0 < b.0 }
            return sort.ascending ? a.1 < b.1 : a.1 > b.1
        }.map(\.2)
    }

    /// The line under a table's title: search field while typing, else the active search and filters.
    /// `note` says where the selected row matched the search.
    func renderStatus(
        filters: [String], count: Int, total: Int, in rect: Rect, into buffer: inout Buffer, note: String? = nil
    ) {
        var x = rect.x
        if searching {
            x += buffer.put("Search: ", x: x, y: rect.y, style: Theme.key)
            query.render(in: Rect(x: x, y: rect.y, width: min(30, rect.maxX - x - 1), height: 1), into: &buffer)
            x += min(30, rect.maxX - x - 1) + 2
        } else if !searchText.isEmpty {
            x += buffer.put("Search: \(query.text)  ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Theme.key)
        }
        let position = count == 0 ? "none" : "\(min(selection.selected, count - 1) + 1)/\(count)"
        let summary =
            (filters.isEmpty ? [] : [filters.joined(separator: " · ")]) + [
                "\(position)" + (count == total ? "" : " (of \(total))")
            ]
        x += buffer.put(summary.joined(separator: "  "), x: x, y: rect.y, maxWidth: rect.maxX - x, style: Theme.muted)
        if let note, rect.maxX - x > 12 {
            buffer.put("  " + note, x: x, y: rect.y, maxWidth: rect.maxX - x, style: Theme.good)
        }
    }
}

/// A filter picker open over a screen, and which filter it sets.
struct OpenPicker<Filter: Sendable>: Sendable {
    var picker: Picker
    let filter: Filter
}

extension Optional {
    /// Gives an event to the open picker, if any. Returns the picked item with its filter once the user
    /// chooses; the picker closes on a choice or on Esc.
    mutating func pick<Filter>(_ event: Event) -> (item: Picker.Item, filter: Filter)?
    where Wrapped == OpenPicker<Filter> {
        guard var open = self else { return nil }
        switch open.picker.handle(event: event) {
        case .pending:
            self = open
            return nil
        case .cancelled:
            self = nil
            return nil
        case .chosen(let item):
            self = nil
            return (item, open.filter)
        }
    }
}

extension Optional {
    /// The keys of the open picker, if any: what a screen with a filter picker takes while it is open.
    func pickerKeys<Filter>() -> KeyHelp? where Wrapped == OpenPicker<Filter> { self == nil ? nil : Picker.keyHelp }
}
