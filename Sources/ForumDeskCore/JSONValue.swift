/// A JSON value kept verbatim, so fields this version does not know survive a load and a save.
///
/// Numbers keep their source text: a newer version's `1.50` is written back as `1.50`, not `1.5`.
public indirect enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// Fields of a JSON object that the model does not know, keyed by name.
public typealias UnknownFields = [String: JSONValue]
