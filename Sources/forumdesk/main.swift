import ArgumentParser
import Foundation

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
        (code.isSuccess ? FileHandle.standardOutput : FileHandle.standardError).write(Data((Output.shown(message) + "\n").utf8))
    }
    exit(code.rawValue)
}
