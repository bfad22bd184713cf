import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Equality monitoring at a meeting: one count per group of each category the settings list
/// (`equalityCategories` in forumdesk.json). Counts only, never names (strategy item 30).
extension FormScreen {
    static func equalityKey(_ category: String, _ group: String) -> String { category + "\u{1F}" + group }

    static func equality(_ m: Meeting, _ settings: Settings, _ c: Context) -> FormScreen {
        var fields: [Form.Field] = []
        for (category, groups) in settings.equalityCategories {
            for group in groups {
                let count = m.equality[category]?[group]
                // The label is the group (the form's labels are narrow); the note under it names the category.
                fields.append(.text(equalityKey(category, group), group, count.map(String.init) ?? ""))
            }
        }
        var screen = FormScreen(
            form: Form(title: "Equality monitoring: \(m.title)", fields: fields), purpose: .equality(meetingID: m.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    /// Blank is "not asked"; a count is a whole number from 0. Groups the settings no longer list are kept.
    static func validateEquality(_ form: inout Form, _ m: Meeting, _ c: Context) -> Edit? {
        var updated = m
        var ok = true
        for (category, groups) in c.data.settings.equalityCategories {
            for group in groups {
                let key = equalityKey(category, group)
                let text = form.text(key).trimmingCharacters(in: .whitespaces)
                form.note(key, category.capitalized + (text.isEmpty ? ": not asked (leave blank) or a count" : ""))
                if text.isEmpty {
                    updated.equality[category]?[group] = nil
                } else if let n = Int(text), n >= 0, n <= 100_000 {
                    updated.equality[category, default: [:]][group] = n
                } else {
                    form.note(key, "a count: a whole number from 0", error: true)
                    ok = false
                }
            }
            if updated.equality[category]?.isEmpty == true { updated.equality[category] = nil }
            // Each resident is counted at most once per category: its groups cannot add up to more than came.
            let counted = updated.equality[category]?.values.reduce(0, +) ?? 0
            if let residents = m.residentsPresent, counted > residents,
                let last = groups.last(where: { updated.equality[category]?[$0] != nil })
            {
                form.note(
                    equalityKey(category, last),
                    "\(category.capitalized) adds up to \(counted), more than the \(residents) residents present",
                    error: true)
                ok = false
            }
        }
        guard ok else { return nil }
        let total = updated.equality.values.map { $0.values.reduce(0, +) }.max() ?? 0
        return .saveMeeting(updated, label: "equality monitoring (\(total) counted)")
    }
}
