import ArgumentParser
import ForumDeskApp

/// `forumdesk keys`: the key reference, from the key maps themselves.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every screen's keys (the key reference, in Markdown).",
        discussion: """
            The keys of every screen and tab, of forms, search, pickers, live notes' entry line, questions and help, as \
            `?` shows them on each screen, made from the same key maps the program runs on. docs/keys.md is this output.
            """
    )

    func run() throws {
        Output.line(KeyReference.markdown())
    }
}
