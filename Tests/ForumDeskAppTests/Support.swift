import Foundation
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The sample data, loaded once, and a fixed "today" so snapshots do not change with the calendar.
let sampleData: DataSet = DataStore(folder: DataFolder(TestPaths.sampleData)).load()

let fixedNow = LondonTime.parse("2026-11-23T12:00")!

/// An app on the sample data after the given keys.
func app(width: Int = 80, height: Int = 24, data: DataSet = sampleData, keys: [Key] = []) -> App {
    var app = App(data: data, now: fixedNow, width: width, height: height)
    for key in keys { app.handle(.key(key)) }
    return app
}

/// Keys for typing text.
func typing(_ text: String) -> [Key] { text.map { Key.char($0) } }

extension App {
    var screenText: String { render().text }
    /// The screen's text and, under it, its styles (`Buffer.styledText`): what snapshots pin.
    var screenSnapshot: String { render().styledText }
}
