import ForumDeskCore
import ForumDeskStore
import TerminalUI

extension FormScreen {
    /// The clash checks where a date is set (the meeting form, postponing): each clash is said under the date, after
    /// what the date was read as, and the saved message counts them; they warn, they do not stop the save.
    /// Returns the label's addition ("" when there is none).
    static func noteClashes(_ form: inout Form, _ meeting: Meeting, _ c: Context) -> String {
        let clashes = c.data.clashes(of: meeting, now: c.now)
        guard !clashes.isEmpty, let i = form.fields.firstIndex(where: { $0.key == "start" }) else { return "" }
        let said = clashes.map { "⚠ \($0.message)" }.joined(separator: "; ")
        form.note("start", [form.fields[i].note, said].compactMap { $0 }.joined(separator: " · "))
        return " (⚠ \(clashes.count) clash\(clashes.count == 1 ? "" : "es"): \(clashes[0].message))"
    }
}
