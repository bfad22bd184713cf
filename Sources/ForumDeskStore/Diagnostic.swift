/// One line of a report: `path:line:column: message`, position when known.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Relative to the folder the user named, e.g. `data/meetings/2026/x.json`.
    public var path: String
    public var position: SourcePosition?
    public var message: String

    public init(path: String, position: SourcePosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String {
        if let position { return "\(path):\(position.line):\(position.column): \(message)" }
        return "\(path): \(message)"
    }
}
