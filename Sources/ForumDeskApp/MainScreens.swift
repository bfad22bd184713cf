import TerminalUI

/// A screen of the top bar, made fresh by its number key, its click or its command.
protocol MainScreen: Screen {
    init()
    /// The screen in each state that has commands of its own, for the `:` palette (default: the screen as made).
    static func paletteScreens(_ c: Context) -> [PaletteScreen]
}

/// One state of a screen whose commands the `:` palette lists, under `group`.
typealias PaletteScreen = (group: String, place: PaletteEntry.Place, keyMap: KeyMap<Command>)

extension MainScreen {
    static func paletteScreens(_ c: Context) -> [PaletteScreen] {
        let screen = Self()
        return [(screen.title, .main(screen), screen.keyMap)]
    }

    /// The screen once on each of its tabs, for a screen whose tabs have keys of their own.
    static func paletteScreens<Tab: TabItem>(onEach tab: WritableKeyPath<Self, Tab>) -> [PaletteScreen] {
        Tab.allCases.map { value in
            var screen = Self()
            screen[keyPath: tab] = value
            return (screen.title, .main(screen), screen.keyMap)
        }
    }
}

/// One row of the table of main screens (as Textual's `MODES`): its key, its title in the top bar, its
/// command, how to make it and how to recognise it on the stack.
struct MainScreenRow: Sendable {
    var key: Character
    var title: String
    /// What `?` help and the palette say the key does.
    var help: String
    var command: Command
    let make: @Sendable () -> any Screen
    let recognises: @Sendable (any Screen) -> Bool
    let paletteScreens: @Sendable (Context) -> [PaletteScreen]

    init<S: MainScreen>(_ key: Character, _ title: String, _ command: Command, _ screen: S.Type, help: String? = nil) {
        self.key = key
        self.title = title
        self.help = help ?? title
        self.command = command
        make = { S() }
        recognises = { $0 is S }
        paletteScreens = { S.paletteScreens($0) }
    }

    var binding: Binding<Command> { Binding([.char(key)], help, command) }
    /// "1 Dashboard", as the top bar shows it.
    var tabTitle: String { "\(key) \(title)" }
}

/// The main screens, in the order of the top bar: the global keys, the top bar, its clicks, the highlighted
/// screen and the palette are all read from this table, so a new main screen is a file and a row.
enum MainScreens {
    static let all: [MainScreenRow] = [
        MainScreenRow("1", "Dashboard", .showDashboard, DashboardScreen.self),
        MainScreenRow("2", "Meetings", .showMeetings, MeetingsScreen.self),
        MainScreenRow("3", "Actions", .showActions, ActionsScreen.self),
        MainScreenRow("4", "Directory", .showDirectory, DirectoryScreen.self),
        MainScreenRow(
            "5", "Reports", .showReports, ReportsScreen.self, help: "Reports: the annual report, by year and area"),
        MainScreenRow(
            "6", "Topics", .showTopics, TopicsScreen.self,
            help: "Topics: partners' requests and their roll-out across the areas"),
    ]

    /// The screen at the bottom of the stack, which Esc stops at and q quits from.
    static var home: MainScreenRow { all[0] }

    static func row(for command: Command) -> MainScreenRow? { all.first { $0.command == command } }

    /// The main screen the user came through: a meeting, a form or live notes belong to it.
    static func current(in stack: [any Screen]) -> Int {
        stack.reversed().lazy.compactMap { screen in all.firstIndex { $0.recognises(screen) } }.first ?? 0
    }

    /// The top bar's tabs; clicks are found from the same spans the bar is drawn with.
    static var navigation: Tabs { Tabs(titles: all.map(\.tabTitle), selected: 0) }
}
