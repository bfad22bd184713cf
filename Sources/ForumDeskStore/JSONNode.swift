import ForumDeskCore

/// A 1-based line and column in a file, counted in characters as an editor shows them.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value that remembers where it stood in the file.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }
    public struct Member: Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: JSONNode
    }
    public var value: Value
    public var position: SourcePosition

    /// The plain value, positions dropped (for fields the model does not know).
    public var plain: JSONValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(\.plain))
        case .object(let members):
            .object(Dictionary(members.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// The position of the value at `path`, or of the deepest part of it that exists.
    public func position(of path: FieldPath) -> SourcePosition {
        var node = self
        for component in path {
            switch (component, node.value) {
            case (.key(let key), .object(let members)):
                guard let member = members.last(where: { $0.key == key }) else { return node.position }
                node = member.value
            case (.index(let i), .array(let items)):
                guard items.indices.contains(i) else { return node.position }
                node = items[i]
            default:
                return node.position
            }
        }
        return node.position
    }

    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
