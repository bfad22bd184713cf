/// A step into a JSON document: an object key or an array index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)
    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): "[\(i)]"
        }
    }
}

public typealias FieldPath = [PathComponent]

/// Which data file a problem lies in; the store turns this into a path.
public enum DataFileRef: Sendable, Hashable {
    case config
    case areas
    case people
    case organisations
    case meeting(id: String)
    case topic(id: String)
    case consultation(id: String)
}

/// Something wrong with the data that a person must fix: a broken reference, a duplicate, a bad order.
public struct Problem: Sendable, Equatable {
    public var file: DataFileRef
    /// Where in the file, so the store can give a line and column.
    public var path: FieldPath
    public var message: String
    public init(file: DataFileRef, path: FieldPath, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }
}
