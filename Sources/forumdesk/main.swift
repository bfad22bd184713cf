import ArgumentParser
import Foundation

// `--version` alone is answered before the command tree is built (most of that process's time): its output is
// ArgumentParser's own for it.
if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
    FileHandle.standardOutput.write(Data((ForumDesk.version + "\n").utf8))
    exit(0)
}

// Parsed by hand rather than with @main so usage errors exit 2 (ArgumentParser's default is 64).
do {
    var command = try ForumDesk.parseAsRoot()
    try command.run()
} catch {
    if ForumDesk.exitCode(for: error) == .validationFailure {
        // The message quotes what was typed, which may hold escape sequences or bidi overrides.
        FileHandle.standardError.write(Data((Output.shown(ForumDesk.fullMessage(for: error)) + "\n").utf8))
        exit(ExitStatus.usage.rawValue)
    }
    // As ArgumentParser's `exit(withError:)` does (help to standard output), with the text sanitised.
    let message = ForumDesk.fullMessage(for: error)
    let code = ForumDesk.exitCode(for: error)
    if !message.isEmpty {
        (code.isSuccess ? FileHandle.standardOutput : FileHandle.standardError).write(
            Data((Output.shown(message) + "\n").utf8))
    }
    exit(code.rawValue)
}
