import TerminalUI

/// A question over the screens, answered with a typed value (as Textual's `ModalScreen[T]` answers its callback).
/// Whoever asks gives the answers its choices stand for and what to do with the answer; the app keeps no flags
/// about which question is open. The answer is nil when Esc dismissed the question without choosing.
struct Question: Sendable {
    var dialog: Dialog
    /// Ctrl-C over the quit question answers it (quits) instead of asking it again.
    let isQuit: Bool
    /// Runs the continuation with the choice at this index (nil: dismissed).
    private let answer: @Sendable (inout App, Int?) -> Void

    init<Answer: Sendable>(
        _ title: String, _ message: String, choices: [(label: String, answer: Answer)], isQuit: Bool = false,
        then continuation: @escaping @Sendable (inout App, Answer?) -> Void
    ) {
        dialog = Dialog(title: title, message: message, choices: choices.map(\.label))
        self.isQuit = isQuit
        let answers = choices.map(\.answer)
        answer = { app, index in continuation(&app, index.flatMap { answers.indices.contains($0) ? answers[$0] : nil })
        }
    }

    /// A screen's question (`Effect.ask`): each choice answers with the effects it runs.
    init(asked title: String, _ message: String, choices: [Choice]) {
        self.init(title, message, choices: choices.map { ($0.label, $0.effects) }) { app, effects in
            app.apply(effects ?? [])
        }
    }

    func answer(_ index: Int?, on app: inout App) { answer(&app, index) }
}
