import ForumDeskCore
import ForumDeskStore
import TerminalUI

extension FormScreen {
    /// The clash checks where a date is set (the meeting form, postponing): each clash is said under the date, after
    /// before what the date was read as (a one-line note), and the saved message counts them; they warn, they do not stop the save.
    /// Returns the label's addition ("" when there is none).
    static func noteClashes(_ form: inout Form, _ meeting: Meeting, _ c: Context) -> String {
        let clashes = c.data.clashes(of: meeting, now: c.now)
        guard !clashes.isEmpty, let i = form.fields.firstIndex(where: { $0.key == "start" }) else { return "" }
        let said = "⚠ " + clashes.map(\.short).joined(separator: "; ")
        form.note("start", [said, form.fields[i].note].compactMap { $0 }.joined(separator: " · "))
        return
            " (⚠ \(clashes.count) clash\(clashes.count == 1 ? "" : "es"): \(clashes.map(\.short).joined(separator: "; ")))"
    }
}
