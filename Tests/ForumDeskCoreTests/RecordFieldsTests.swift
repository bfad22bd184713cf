import Foundation
import Testing
@testable import ForumDeskCore

/// Every key the codecs write is classified once in `RecordFields` (issue 38): adding a field that names a person
/// without saying so fails here, before it can escape `person erase` or reach the public site.
@Suite struct RecordFieldsTests {
    /// `Codecs.swift`, `MeetingCodec.swift` and every other `…Codec.swift` of the store (one per record type).
    static func codecs(_ root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources/ForumDeskStore").path)
            .filter { $0.hasSuffix("Codec.swift") || $0 == "Codecs.swift" || $0 == "ResidentContacts.swift" }.sorted()
            .map { "Sources/ForumDeskStore/" + $0 }
    }

    /// The keys written by the codecs (`w.set("key", …)`, `w.optional("key", …)`), read from their source.
    static func writtenKeys() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var keys = Set<String>()
        for file in try codecs(root) {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /(?:set|optional)\(\s*"([A-Za-z]+)"/) { keys.insert(String(match.output.1)) }
        }
        return keys
    }

    @Test func test_everyKeyTheCodecsWrite_isClassifiedOnce() throws {
        let keys = try Self.writtenKeys()
        #expect(keys.count > 80)
        for key in keys.sorted() {
            let homes = RecordFields.all.filter { $0.contains(key) }.count
            #expect(
                homes == 1,
                "`\(key)` is in \(homes) of RecordFields' sets: say once whether it names a person (namesAPerson), is contact details, free text, staff or impersonal"
            )
        }
        // Nothing classified that no codec writes (a renamed field leaves its old name behind).
        let classified = RecordFields.all.reduce(Set<String>()) { $0.union($1) }
        #expect(
            classified.subtracting(keys).isEmpty,
            "classified but never written: \(classified.subtracting(keys).sorted())")
    }

    @Test func test_theSetsDoNotOverlap() {
        let sets = RecordFields.all
        for i in sets.indices { for j in sets.indices where i < j { #expect(sets[i].isDisjoint(with: sets[j])) } }
    }
}
