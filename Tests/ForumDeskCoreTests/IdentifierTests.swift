import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct IdentifierTests {
    @Test func test_slug_foldsAccents_joinsWords_andStaysUnique() {
        #expect(Identifier.slug("Seán O'Brien") { _ in false } == "sean-o-brien")
        #expect(Identifier.slug("Sandy Town Council") { _ in false } == "sandy-town-council")
        #expect(Identifier.slug("Ada Ashgrove", prefix: "cllr-") { $0 == "cllr-ada-ashgrove" } == "cllr-ada-ashgrove-2")
        #expect(Identifier.slug("রহিম আলী", fallback: "person") { _ in false } == "person")
    }
}
