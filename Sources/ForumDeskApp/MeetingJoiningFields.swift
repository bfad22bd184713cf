import Foundation
import ForumDeskCore
import TerminalUI

/// The meeting form's fields for an online or hybrid meeting: how it is joined (none, Teams, Zoom, telephone,
/// another link), the link, the dial-in, the instructions, and whether the link may go on the public website.
enum MeetingJoiningFields {
    static func fields(_ online: OnlineJoining?) -> [Form.Field] {
        let kinds =
            [Picker.Item(id: "", label: "in the room only")]
            + JoiningKind.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) }
        return [
            .choice("joining", "Join online", kinds, selected: online?.kind.rawValue ?? ""),
            .text("joinLink", "Joining link", online?.url ?? ""),
            .text("dialIn", "Dial-in", online?.dialIn ?? ""),
            .text("joinNotes", "How to join", online?.instructions ?? ""),
            .choice(
                "joinMode", "Online mode",
                [
                    Picker.Item(id: "hybrid", label: "hybrid: room and online"),
                    Picker.Item(id: "online", label: "online only"),
                ],
                selected: online?.onlineOnly == true ? "online" : "hybrid"),
            .choice(
                "joinPublic", "Link on website",
                [
                    Picker.Item(id: "no", label: "no: sent to those invited"),
                    Picker.Item(id: "yes", label: "yes: a public meeting"),
                ],
                selected: online?.published == true ? "yes" : "no"),
        ]
    }

    /// The joining details the form describes (nil for a meeting only in the room), its problems noted on the
    /// fields; `.failure` when a field is wrong. Unknown fields of the details already saved are kept.
    static func read(_ form: inout Form, existing: OnlineJoining?) -> Result<OnlineJoining?, Invalid> {
        guard let kind = JoiningKind(rawValue: form.value("joining")) else {
            for key in ["joinLink", "dialIn", "joinNotes"] where !form.text(key).isEmpty {
                form.note(key, "only with a way to join online: cleared on save")
            }
            return .success(nil)
        }
        func optional(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        var online = existing ?? OnlineJoining(kind: kind)
        online.kind = kind
        online.url = optional(form.text("joinLink"))
        online.dialIn = optional(form.text("dialIn"))
        online.instructions = optional(form.text("joinNotes"))
        online.onlineOnly = form.value("joinMode") == "online"
        online.published = form.value("joinPublic") == "yes"
        let problems = online.problems
        for problem in problems {
            form.note(problem.field == "url" ? "joinLink" : "dialIn", problem.message, error: true)
        }
        if problems.isEmpty {
            if online.webURL != nil {
                form.note("joinLink", "in the notice and its calendar (\(kind.label))")
            } else {
                form.note("joinLink", nil)
            }
            if let tel = online.telephoneURI { form.note("dialIn", "calendar: \(tel)") }
            form.note(
                "joinPublic",
                online.published ? "the link is on the meeting's public page" : "the public page says to ask the team")
            return .success(online)
        }
        return .failure(Invalid())
    }

    struct Invalid: Error {}
}
