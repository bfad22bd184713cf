import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The whole application as a value: a stack of screens and at most one overlay over them.
/// `handle` takes an event and changes state; `render` draws it. The executable runs the loop.
public struct App: Sendable {
    public private(set) var context: Context
    var stack: [any Screen]
    var overlay: Overlay?
    var message: Footer.Message?
    public private(set) var isFinished = false
    /// Set by Ctrl-L: the backend should repaint everything.
    public var wantsFullRedraw = false

    enum Overlay: Sendable {
        case help(offset: Int)
        case palette(Picker)
    }

    public static let minimumWidth = 64
    public static let minimumHeight = 16

    public init(data: DataSet, now: Date, width: Int, height: Int) {
        context = Context(data: data, now: now, width: width, height: height)
        stack = [DashboardScreen()]
        if !data.loadErrors.isEmpty {
            message = .error("\(Format.count(data.loadErrors.count, "file")) could not be read: see the dashboard")
        }
    }

    var top: any Screen { stack[stack.count - 1] }

    public var screenTitle: String { top.title }

    var tooSmall: Bool { context.width < Self.minimumWidth || context.height < Self.minimumHeight }

    // MARK: events

    public mutating func handle(_ event: Event) {
        // Esc and a key typed quickly after it arrive together and read as Alt-key. No Alt-key is bound
        // (but Alt-Backspace, word delete in fields), so take it as the two keys the user pressed.
        if case .key(.alt(let c)) = event, c != "\u{7F}", c != "\u{8}" {
            handle(.key(.escape))
            handle(.key(.char(c)))
            return
        }
        if case .resize(let w, let h) = event {
            context.width = w
            context.height = h
            apply(stack[stack.count - 1].handle(event, context))
            return
        }
        if tooSmall {
            if event == .key(.ctrl("c")) || event == .key(.char("q")) { isFinished = true }
            return
        }
        if overlay != nil { return handleOverlay(event) }
        message = nil
        if case .mouse(let mouse) = event, mouse.y == 0 {
            if mouse.kind == .press, let index = Self.navigation.tab(atX: mouse.x, in: Rect(x: 1, y: 0, width: context.width, height: 1)) {
                perform([Command.showDashboard, .showMeetings, .showActions, .showDirectory][index])
            }
            return
        }
        if top.capturesText, case .key(let key) = event, key != .ctrl("c") {
            return apply(stack[stack.count - 1].handle(event, context))
        }
        if case .key(let key) = event {
            if let command = top.keyMap.command(for: key) {
                return apply(stack[stack.count - 1].perform(command, context))
            }
            if let command = Keys.global.command(for: key) { return perform(command) }
        }
        apply(stack[stack.count - 1].handle(event, context))
    }

    mutating func perform(_ command: Command) {
        switch command {
        case .quit: isFinished = true
        case .back:
            if stack.count > 1 { stack.removeLast() } else { isFinished = true }
        case .help: overlay = .help(offset: 0)
        case .palette: overlay = .palette(Picker(title: "Command", items: paletteItems))
        case .redraw: wantsFullRedraw = true
        case .showDashboard: show(DashboardScreen())
        case .showMeetings: show(MeetingsScreen())
        case .showActions: show(ActionsScreen())
        case .showDirectory: show(DirectoryScreen())
        default:
            if top.keyMap.bindings.contains(where: { $0.command == command }) {
                apply(stack[stack.count - 1].perform(command, context))
            }
        }
    }

    /// The main screens are not stacked on each other: going to one replaces everything above the dashboard,
    /// or returns to it if it is already open.
    mutating func show(_ screen: any Screen) {
        if let index = stack.firstIndex(where: { type(of: $0) == type(of: screen) }) {
            stack.removeSubrange((index + 1)...)
        } else {
            stack = [stack[0]]
            if !(screen is DashboardScreen) { stack.append(screen) }
        }
    }

    mutating func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .push(let screen): stack.append(screen)
            case .pop: if stack.count > 1 { stack.removeLast() }
            case .quit: isFinished = true
            case .message(let m): message = m
            }
        }
    }

    var helpGroups: [(title: String, rows: [(keys: String, help: String)])] {
        (top.keyMap.groups + Keys.global.groups).map { group in
            (group.title, group.bindings.map { ($0.keyLabel, $0.help) })
        }
    }

    var paletteItems: [Picker.Item] {
        var seen: Set<Command> = []
        return (top.keyMap.bindings + Keys.global.bindings).filter { seen.insert($0.command).inserted }.map {
            Picker.Item(id: $0.command.rawValue, label: $0.help, detail: $0.keyLabel)
        }
    }

    mutating func handleOverlay(_ event: Event) {
        switch overlay {
        case .help(let offset):
            let total = HelpOverlay(title: "", groups: helpGroups).lines.count
            let maxOffset = max(0, total - (context.height - 6))
            switch event {
            case .key(.up), .key(.char("k")):
                overlay = .help(offset: max(0, offset - 1))
            case .mouse(let m) where m.kind == .wheelUp:
                overlay = .help(offset: max(0, offset - 1))
            case .key(.down), .key(.char("j")):
                overlay = .help(offset: min(maxOffset, offset + 1))
            case .mouse(let m) where m.kind == .wheelDown:
                overlay = .help(offset: min(maxOffset, offset + 1))
            case .key(.pageDown), .key(.char(" ")): overlay = .help(offset: min(maxOffset, offset + 10))
            case .key(.pageUp): overlay = .help(offset: max(0, offset - 10))
            case .key(.ctrl("c")): isFinished = true
            case .key: overlay = nil
            default: break
            }
        case .palette(var picker):
            if event == .key(.ctrl("c")) { return isFinished = true }
            switch picker.handle(event: event) {
            case .pending: overlay = .palette(picker)
            case .cancelled: overlay = nil
            case .chosen(let item):
                overlay = nil
                if let command = Command(rawValue: item.id) { perform(command) }
            }
        case nil: break
        }
    }

    // MARK: drawing

    static let navigation = Tabs(titles: ["1 Dashboard", "2 Meetings", "3 Actions", "4 Directory"], selected: 0)

    public func render() -> Buffer {
        var buffer = Buffer(width: context.width, height: context.height)
        if tooSmall {
            let text = "Enlarge the terminal to at least \(Self.minimumWidth)×\(Self.minimumHeight) (it is \(context.width)×\(context.height)). q quits."
            for (i, line) in DisplayWidth.wrap(text, to: max(1, context.width - 2)).enumerated() where i + 1 < context.height {
                buffer.put(line, x: 1, y: i + 1, style: Theme.warning)
            }
            return buffer
        }
        drawTopBar(into: &buffer)
        top.view(context, into: &buffer, area: context.contentArea)
        let hints = top.keyMap.hints + Keys.global.hints
        Footer(hints: hints, message: message).render(in: Rect(x: 0, y: context.height - 1, width: context.width, height: 1),
                                                      into: &buffer)
        switch overlay {
        case .help(let offset):
            HelpOverlay(title: "Help: \(top.title)", groups: helpGroups).render(in: buffer.area, into: &buffer, offset: offset)
        case .palette(let picker):
            picker.render(in: buffer.area, into: &buffer)
        case nil: break
        }
        return buffer
    }

    func drawTopBar(into buffer: inout Buffer) {
        let bar = Rect(x: 0, y: 0, width: context.width, height: 1)
        buffer.fill(bar, with: Cell(style: Theme.bar))
        let current: Int = switch stack.last {
        case is MeetingsScreen, is MeetingScreen: 1
        case is ActionsScreen: 2
        case is DirectoryScreen: 3
        default: 0
        }
        var nav = Self.navigation
        nav.selected = current
        for (i, span) in nav.spans(in: Rect(x: 1, y: 0, width: context.width, height: 1)).enumerated() {
            buffer.put(" \(nav.titles[i]) ", x: span.x, y: 0, style: i == current ? Theme.activeTab : Theme.bar)
        }
        let right = "\(context.data.settings.council) · \(LondonTime.weekday(context.today)) \(Format.day(context.today).trimmingCharacters(in: .whitespaces)) "
        let width = DisplayWidth.of(right)
        let navEnd = nav.spans(in: Rect(x: 1, y: 0, width: context.width, height: 1)).last?.maxX ?? 0
        if context.width - width > navEnd + 1 {
            buffer.put(right, x: context.width - width, y: 0, style: Theme.bar)
        }
    }
}
