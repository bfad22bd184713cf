import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct ParallelTests {
    /// Long lists are split across cores: every index once, results in order, whatever the count.
    @Test(arguments: [0, 1, 511, 1_024, 1_025, 10_007])
    func test_map_givesEveryResultInOrder(count: Int) {
        let squares = Parallel.map(count, minimumPerCore: 256) { $0 * $0 }
        #expect(squares.count == count)
        #expect(squares == (0..<count).map { $0 * $0 })
    }
}
