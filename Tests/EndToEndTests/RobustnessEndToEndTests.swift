import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Rewrites one JSON file of the copy through `change` (with Foundation's own JSON, independent of the app).
func editJSON(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
    var object = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    change(&object)
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
}
