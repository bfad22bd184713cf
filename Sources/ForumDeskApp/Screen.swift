import ForumDeskCore
import TerminalUI

/// What a screen asks the app to do after an event. The app performs them; screens never do I/O.
enum Effect {
    case push(any Screen)
    case pop
    case quit
    case message(Footer.Message)
}

/// A screen is state plus `update` and `view` (the Elm architecture, as Bubble Tea): `view` is a pure
/// function of the state and the context, so every screen can be snapshot-tested from a buffer.
protocol Screen: Sendable {
    var title: String { get }
    /// The screen's own bindings. Help, footer and palette read this; `perform` handles its commands.
    var keyMap: KeyMap<Command> { get }
    /// True while the screen is taking typed text (a search field): keys go to it before any binding.
    var capturesText: Bool { get }

    mutating func perform(_ command: Command, _ context: Context) -> [Effect]
    /// Events no binding took: typed text while capturing, mouse, paste, resize.
    mutating func handle(_ event: Event, _ context: Context) -> [Effect]
    func view(_ context: Context, into buffer: inout Buffer, area: Rect)
}

extension Screen {
    var capturesText: Bool { false }
    mutating func handle(_ event: Event, _ context: Context) -> [Effect] { [] }
}
