import TerminalUI

/// One command of the `:` palette: every screen's commands are listed from anywhere (as tig's request table
/// feeds its prompt), each with the screen it belongs to and its key, and running one goes to that screen.
struct PaletteEntry: Sendable {
    enum Place: Sendable {
        /// The app's own commands (help, undo, the main screens), run where the user is.
        case everywhere
        /// A main screen, in the state its command needs (e.g. the directory's councillors tab).
        case main(any Screen)
        /// A tab of the meeting screen: run on the meeting the user is on or has selected.
        case meeting(MeetingScreen.Tab)
        /// Live notes of the meeting the user is on or has selected.
        case liveNotes
    }

    var place: Place
    var group: String
    var binding: Binding<Command>
}

extension App {
    /// The main screens, each in every state that has commands of its own, in the order of the tab bar.
    var paletteScreens: [PaletteScreen] { MainScreens.all.flatMap { $0.paletteScreens(context) } }

    /// Every command of the app once per screen, the current screen's first; moving keys only for the
    /// current screen (they mean the same everywhere).
    var paletteEntries: [PaletteEntry] {
        var entries: [PaletteEntry] = []
        var seen: Set<String> = []
        func add(_ group: String, _ place: PaletteEntry.Place, _ map: KeyMap<Command>, moving: Bool) {
            for g in map.groups where moving || g.title != Keys.movement.title {
                for binding in g.bindings where !(browseOnly && Command.editing.contains(binding.command)) {
                    guard seen.insert(group + "|" + binding.command.rawValue + "|" + binding.keyLabel).inserted else {
                        continue
                    }
                    entries.append(PaletteEntry(place: place, group: group, binding: binding))
                }
            }
        }
        let current = (top as? MeetingScreen).map { "Meeting · \($0.tab.title)" } ?? top.title
        add(current, .everywhere, keyMap(of: top), moving: true)
        add("Everywhere", .everywhere, globalKeyMap, moving: false)
        for screen in paletteScreens where screen.group != current {
            add(screen.group, screen.place, screen.keyMap, moving: false)
        }
        return entries
    }

    var paletteItems: [Picker.Item] {
        paletteEntries.enumerated().map { i, entry in
            Picker.Item(id: String(i), label: entry.binding.help, detail: "\(entry.group) · \(entry.binding.keyLabel)")
        }
    }

    /// Runs a palette command where it belongs: on the screen in view, else on the screen it comes from
    /// (opened), else, for a meeting's commands, on the meeting selected in the list in view.
    mutating func run(_ entry: PaletteEntry) {
        let command = entry.binding.command
        switch entry.place {
        case .everywhere:
            perform(command)
        case .main(let screen):
            show(screen)
            if !keyMap(of: top).bindings.contains(where: { $0.command == command }) { stack[stack.count - 1] = screen }
            readShownMeetings()
            apply(stack[stack.count - 1].perform(command, context))
        case .meeting(let tab):
            guard let id = meetingInView() else { return chooseMeetingFirst(entry) }
            if var screen = top as? MeetingScreen, screen.meetingID == id {
                screen.tab = tab
                stack[stack.count - 1] = screen
            } else {
                stack.append(MeetingScreen(meetingID: id, tab: tab))
            }
            readShownMeetings()
            apply(stack[stack.count - 1].perform(command, context))
        case .liveNotes:
            guard let id = meetingInView() else { return chooseMeetingFirst(entry) }
            if !(top is LiveNotesScreen) { stack.append(LiveNotesScreen(meetingID: id, context: context)) }
            readShownMeetings()
            apply(stack[stack.count - 1].perform(command, context))
        }
    }

    /// The meeting on screen, or the one selected in the list on screen (what Enter would open).
    func meetingInView() -> String? {
        if let screen = top as? MeetingScreen { return screen.meetingID }
        if let screen = top as? LiveNotesScreen { return screen.meetingID }
        var probe = top
        for effect in probe.perform(.open, context) {
            if case .push(let screen) = effect, let meeting = screen as? MeetingScreen { return meeting.meetingID }
        }
        return nil
    }

    mutating func chooseMeetingFirst(_ entry: PaletteEntry) {
        show(MeetingsScreen())
        message = .info("Choose a meeting (Enter opens it), then \(entry.binding.keyLabel): \(entry.binding.help)")
    }
}
