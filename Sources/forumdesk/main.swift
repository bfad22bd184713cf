import ArgumentParser
import Foundation

// Parsed by hand rather than with @main so usage errors exit 2 (ArgumentParser's default is 64).
do {
    var command = try ForumDesk.parseAsRoot()
    try command.run()
} catch {
    if ForumDesk.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((ForumDesk.fullMessage(for: error) + "\n").utf8))
        exit(ExitStatus.usage.rawValue)
    }
    ForumDesk.exit(withError: error)
}
